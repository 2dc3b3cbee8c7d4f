import type { LoaderFunctionArgs } from '@remix-run/node';
import { throwAsResponse } from '~/.server/http/route-errors';
import { propertyPhoto } from '~/.server/publishing/property';

export async function loader({ context, params }: LoaderFunctionArgs) {
  try {
    const photo = await propertyPhoto(context.services, params.photoId ?? '');
    return new Response(Buffer.from(photo.body), {
      headers: { 'Content-Type': photo.contentType, 'Cache-Control': 'public, max-age=3600', 'X-Content-Type-Options': 'nosniff' },
    });
  } catch (error) {
    throwAsResponse(error);
  }
}
