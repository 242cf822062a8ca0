import type { Multipart } from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { DomainError } from './errors.js';

/**
 * Characters no field of ours may contain: NUL (PostgreSQL refuses it in text, so it would surface as a
 * 500), UTF-16 halves without their partner (not representable in UTF-8), and the bidirectional
 * embedding/override/isolate controls, which let a name display differently from what it is
 * ("Trojan Source"). Left-to-right/right-to-left marks (U+200E/U+200F) remain allowed.
 */
const FORBIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding NUL is the point
  /\u0000|[\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const hasForbiddenCharacters = (s: string) => FORBIDDEN.test(s);

/** The first string (value or object key) with forbidden characters, as a dotted field path. */
export function findForbiddenString(root: unknown, prefix: string[] = []): string | null {
  // Iterative, so that deeply nested JSON cannot exhaust the stack.
  const stack: Array<{ value: unknown; path: string[] }> = [{ value: root, path: prefix }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      if (FORBIDDEN.test(value)) return path.join('.');
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, String(i)] });
    } else if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
      for (const [key, child] of Object.entries(value)) {
        if (FORBIDDEN.test(key)) return [...path, key].join('.');
        stack.push({ value: child, path: [...path, key] });
      }
    }
  }
  return null;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * In one place for every route, before validation: request bodies must be valid UTF-8, and no string in
 * the path parameters, query or body may contain the characters above. The answer is a 400 naming the
 * field; nothing reaches a service or the database.
 */
export function registerInputGuard(app: FastifyInstance) {
  // Fastify's own JSON parser decodes invalid UTF-8 into U+FFFD silently; decode strictly instead and
  // then parse exactly as Fastify does (prototype poisoning refused).
  const parseJson = app.getDefaultJsonParser('error', 'ignore');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, raw, done) => {
    let text: string;
    try {
      text = strictUtf8.decode(raw as Buffer);
    } catch {
      done(
        new DomainError(
          'invalid_encoding',
          'Die Anfrage ist nicht als UTF-8 kodiert. Bitte senden Sie Text in UTF-8.',
          'invalid',
        ),
        undefined,
      );
      return;
    }
    parseJson(req, text, done);
  });

  app.addHook('preValidation', async (req) => {
    for (const value of [req.params, req.query, req.body]) {
      const field = findForbiddenString(value);
      if (field !== null) throw forbidden(field);
    }
    // Upload forms are read by the handler part by part; their text fields and file names pass the
    // same check as they are read.
    if (req.isMultipart()) {
      const parts = req.parts.bind(req);
      req.parts = (options) => checkedParts(parts(options));
    }
  });
}

function forbidden(field: string) {
  const message = `Die Eingabe ist ungültig: ${field ? `${field}: ` : ''}enthält unzulässige Zeichen (Nullzeichen, ungültige Kodierung oder Steuerzeichen für die Schreibrichtung). Bitte entfernen Sie sie.`;
  return new DomainError('validation_failed', message, 'invalid', [
    { field, message: 'enthält unzulässige Zeichen' },
  ]);
}

async function* checkedParts(parts: AsyncIterableIterator<Multipart>): AsyncIterableIterator<Multipart> {
  for await (const part of parts) {
    if (part.type === 'field' && typeof part.value === 'string' && FORBIDDEN.test(part.value))
      throw forbidden(part.fieldname);
    if (part.type === 'file' && FORBIDDEN.test(part.filename))
      throw forbidden(`${part.fieldname} (Dateiname)`);
    yield part;
  }
}
