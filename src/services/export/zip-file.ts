// A small streaming ZIP writer (deflate, data descriptors) for handing a folder of exported CSVs to a
// browser as one download. Files are streamed through zlib, so memory stays bounded.
import { createReadStream, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { createDeflateRaw, crc32 } from 'node:zlib';

function dosTime(date: Date): { time: number; day: number } {
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    day: ((date.getFullYear() - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

const UTF8_AND_DESCRIPTOR = 0x0808;

/** Writes `files` (paths) into a new ZIP at `zipPath`, each under its own file name. */
export async function writeZip(zipPath: string, files: readonly string[]): Promise<void> {
  const out = await open(zipPath, 'w');
  let offset = 0;
  const write = async (buffer: Buffer) => {
    await out.write(buffer);
    offset += buffer.length;
  };
  const central: Buffer[] = [];
  const { time, day } = dosTime(new Date());
  try {
    for (const file of files) {
      if (statSync(file).size >= 0xffffffff) throw new Error(`${file} is too large for a ZIP (4 GB).`);
      const name = Buffer.from(basename(file), 'utf8');
      const headerOffset = offset;
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(UTF8_AND_DESCRIPTOR, 6);
      local.writeUInt16LE(8, 8);
      local.writeUInt16LE(time, 10);
      local.writeUInt16LE(day, 12);
      local.writeUInt16LE(name.length, 26);
      await write(Buffer.concat([local, name]));
      let crc = 0;
      let size = 0;
      let compressed = 0;
      const input = createReadStream(file);
      const deflate = createDeflateRaw({ level: 6 });
      input.on('data', (chunk) => {
        const bytes = chunk as Buffer;
        crc = crc32(bytes, crc);
        size += bytes.length;
      });
      input.on('error', (error) => deflate.destroy(error));
      input.pipe(deflate);
      for await (const chunk of deflate) {
        compressed += (chunk as Buffer).length;
        await write(chunk as Buffer);
      }
      const descriptor = Buffer.alloc(16);
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(crc >>> 0, 4);
      descriptor.writeUInt32LE(compressed, 8);
      descriptor.writeUInt32LE(size, 12);
      await write(descriptor);
      const entry = Buffer.alloc(46);
      entry.writeUInt32LE(0x02014b50, 0);
      entry.writeUInt16LE(20, 4);
      entry.writeUInt16LE(20, 6);
      entry.writeUInt16LE(UTF8_AND_DESCRIPTOR, 8);
      entry.writeUInt16LE(8, 10);
      entry.writeUInt16LE(time, 12);
      entry.writeUInt16LE(day, 14);
      entry.writeUInt32LE(crc >>> 0, 16);
      entry.writeUInt32LE(compressed, 20);
      entry.writeUInt32LE(size, 24);
      entry.writeUInt16LE(name.length, 28);
      entry.writeUInt32LE(headerOffset, 42);
      central.push(Buffer.concat([entry, name]));
    }
    const directoryOffset = offset;
    const directory = Buffer.concat(central);
    await write(directory);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(files.length, 8);
    end.writeUInt16LE(files.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(directoryOffset, 16);
    await write(end);
  } finally {
    await out.close();
  }
}
