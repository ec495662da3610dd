// A CA certificate file the admin chose (their company's TLS-inspection root): read, checked and
// described here. Checked twice: each certificate parses as X.509, and the whole list makes a TLS
// context, so what we store is exactly what the dispatchers can use.
import { X509Certificate } from 'node:crypto';
import tls from 'node:tls';
import { AppError } from './errors';
import { splitPem } from './dispatchers';

/** A CA bundle is a few kB; a file far larger is not one. */
export const MAX_CA_FILE_BYTES = 1024 * 1024;
const MAX_CERTIFICATES = 50;

export interface CaCertificateInfo {
  subject: string;
  issuer: string;
  /** ISO time. */
  validTo: string;
  expired: boolean;
  isCa: boolean;
}

/** The certificates of a PEM file, each described; a thrown VALIDATION AppError names what is wrong. */
export function checkCaPem(text: string, now = new Date()): { pems: string[]; certificates: CaCertificateInfo[] } {
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) {
    // Never copy a private key into our data folder, whatever else the file holds.
    throw invalid('That file holds a private key. Choose the CA certificate alone (a .pem or .crt file with only "BEGIN CERTIFICATE" blocks).');
  }
  const pems = splitPem(text);
  if (pems.length === 0) throw invalid('That file holds no PEM certificate (no "-----BEGIN CERTIFICATE-----" block). Export the CA certificate as PEM (Base-64) and choose that file.');
  if (pems.length > MAX_CERTIFICATES) throw invalid(`That file holds ${pems.length} certificates; a company CA file holds a few.`);
  const certificates = pems.map((pem, i) => {
    let c: X509Certificate;
    try {
      c = new X509Certificate(pem);
    } catch {
      throw invalid(`Certificate ${i + 1} of that file does not parse as an X.509 certificate.`);
    }
    const validTo = new Date(c.validTo);
    return { subject: oneLine(c.subject), issuer: oneLine(c.issuer), validTo: validTo.toISOString(), expired: validTo.getTime() < now.getTime(), isCa: c.ca };
  });
  try {
    tls.createSecureContext({ ca: pems });
  } catch {
    throw invalid('Those certificates could not be used for TLS.');
  }
  return { pems, certificates };
}

/** "CN=Acme Root\nO=Acme" → "CN=Acme Root, O=Acme". */
function oneLine(dn: string): string {
  return dn.split('\n').filter(Boolean).join(', ').slice(0, 300);
}

function invalid(message: string): AppError {
  return new AppError('VALIDATION', message, { retryable: false, hint: 'Nothing was changed: the CA file in use (if any) is kept.' });
}
