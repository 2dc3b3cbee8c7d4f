/** A PDF download that is never cached by shared caches (conventions hold personal data). */
export function pdfResponse(file: { body: Uint8Array; fileName: string }, disposition: 'attachment' | 'inline' = 'attachment'): Response {
  return new Response(Buffer.from(file.body), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `${disposition}; filename="${file.fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
