// The hole search box: type part of a hole ID in any case, pick from the suggestions with the arrow keys
// and Enter (or a click), and the hole's one-page view opens. Matching is done by the project file, so it
// answers at once on a project of any size.
import { useEffect, useId, useRef, useState } from 'react';
import { api } from '../api/api-client';
import { describeError } from '../components/error-text';
import './hole-view.css';

const SHOWN = 12;

export function HoleSearch({ onOpen }: { onOpen: (holeId: string) => void }) {
  const [text, setText] = useState('');
  const [matches, setMatches] = useState<string[]>([]);
  /** The text the suggestions are for (they lag the box by a search). */
  const [matchedFor, setMatchedFor] = useState('');
  const [total, setTotal] = useState(0);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const listId = useId();
  const asked = useRef(0);

  useEffect(() => {
    const wanted = text.trim();
    if (wanted === '') {
      setMatches([]);
      setTotal(0);
      setMessage(null);
      return;
    }
    const ticket = ++asked.current;
    // A short pause so a fast typist sends one search, not one per key.
    const timer = setTimeout(() => {
      api['holes.search']({ text: wanted, limit: SHOWN }).then(
        (result) => {
          if (ticket !== asked.current) return;
          setMatches(result.holeIds);
          setMatchedFor(wanted);
          setTotal(result.total);
          setActive(0);
          setMessage(result.total === 0 ? `No hole ID contains "${wanted}".` : null);
        },
        (error: unknown) => {
          if (ticket === asked.current) setMessage(describeError(error));
        },
      );
    }, 80);
    return () => clearTimeout(timer);
  }, [text]);

  const choose = (holeId: string | undefined) => {
    if (!holeId) return;
    onOpen(holeId);
    setText('');
    setOpen(false);
  };
  // Enter before the suggestions caught up with the typing: search now and open the best match.
  const chooseNow = () => {
    const wanted = text.trim();
    if (wanted === '') return;
    if (wanted === matchedFor) return choose(matches[active]);
    api['holes.search']({ text: wanted, limit: 1 }).then(
      (result) =>
        result.holeIds[0] ? choose(result.holeIds[0]) : setMessage(`No hole ID contains "${wanted}".`),
      (error: unknown) => setMessage(describeError(error)),
    );
  };

  const expanded = open && matches.length > 0;
  return (
    <div className="hole-search">
      <input
        type="search"
        role="combobox"
        aria-label="Find a hole"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded ? `${listId}-${active}` : undefined}
        placeholder="Find a hole..."
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setOpen(true);
            setActive((index) => Math.min(index + 1, matches.length - 1));
          } else if (event.key === 'ArrowUp') {
            event.preventDefault();
            setActive((index) => Math.max(index - 1, 0));
          } else if (event.key === 'Enter') {
            event.preventDefault();
            chooseNow();
          } else if (event.key === 'Escape') {
            setOpen(false);
          }
        }}
      />
      {expanded && (
        <ul id={listId} role="listbox" className="hole-search-list" aria-label="Matching holes">
          {matches.map((holeId, index) => (
            <li
              key={holeId}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'active' : undefined}
              // mousedown, not click: the input's blur would close the list before a click lands.
              onMouseDown={(event) => {
                event.preventDefault();
                choose(holeId);
              }}
              onMouseEnter={() => setActive(index)}
            >
              {holeId}
            </li>
          ))}
        </ul>
      )}
      {expanded && total > matches.length && (
        <p className="hole-search-more">
          {(total - matches.length).toLocaleString('en')} more; type more of the ID
        </p>
      )}
      {open && message && (
        <p className="hole-search-message" role="status">
          {message}
        </p>
      )}
    </div>
  );
}
