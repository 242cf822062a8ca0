import { create } from 'content-disposition';

/**
 * `Content-Disposition: attachment` for a download: RFC 6266/8187 encoding of any file name (umlauts,
 * quotes, semicolons) with an ASCII fallback for old clients, by the `content-disposition` package.
 */
export const attachmentDisposition = (fileName: string): string => create(fileName, { type: 'attachment' });

/** `Content-Disposition: inline` for a file the browser shows itself (a PDF paper), named for saving. */
export const inlineDisposition = (fileName: string): string => create(fileName, { type: 'inline' });
