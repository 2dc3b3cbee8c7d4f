import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireUser } from '~/.server/auth/session';
import { contentVersionFile } from '~/.server/contents/published-contents';
import { throwAsResponse } from '~/.server/http/route-errors';

/** One version of a template or of the thesaurus, as a file (`?version=N`, 0 for the file shipped with the application). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(context.services, request);
  try {
    const file = await contentVersionFile(context.services, user, params.kind ?? '', params.key ?? '', new URL(request.url).searchParams.get('version'));
    return new Response(file.body, {
      headers: {
        'Content-Type': file.contentType,
        'Content-Disposition': `attachment; filename="${file.fileName}"`,
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (error) {
    throwAsResponse(error);
  }
}
