import { PDFParse } from 'pdf-parse';

/** What a reader of the PDF gets: its text, language, title and bookmarks; and whether it is tagged. */
export async function readPdf(data: Buffer) {
  const parser = new PDFParse({ data });
  try {
    const text = (await parser.getText()).text;
    const info = await parser.getInfo();
    const raw = data.toString('latin1');
    return {
      text,
      language: (info.info as { Language?: string }).Language,
      title: (info.info as { Title?: string }).Title,
      bookmarks: (info.outline ?? []).map((o: { title: string }) => o.title),
      pages: (info as { total?: number }).total ?? 0,
      tagged: raw.includes('/StructTreeRoot') && raw.includes('/MarkInfo') && raw.includes('/Marked true'),
    };
  } finally {
    await parser.destroy();
  }
}
