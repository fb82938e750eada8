// An imported laboratory certificate as the API lists it.
export interface CertificateRecord {
  id: number;
  certificate: string;
  lab: string | null;
  client: string | null;
  project: string | null;
  reported_on: string | null;
  file_name: string;
  samples: number;
  results: number;
  imported_at: string;
  change_set: number | null;
}
