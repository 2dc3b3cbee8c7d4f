import { redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData, useRevalidator } from '@remix-run/react';
import { useEffect } from 'react';
import { requireUser } from '~/.server/auth/session';
import { throwAsResponse } from '~/.server/http/route-errors';
import { jobView } from '~/.server/jobs/queue';
import { formatDate } from '~/lib/labels';

export const meta: MetaFunction = () => [{ title: 'Traitement en cours — Passerelles' }];

const kindLabels = {
  COHORT_ALLOCATION: 'Affectation des élèves aux stages',
  REEMBEDDING: 'Recalcul des vecteurs des offres et des besoins',
} as const;

const POLL_MS = 1_500;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(context.services, request);
  let job;
  try {
    job = await jobView(context.services, user, params.jobId ?? '');
  } catch (error) {
    throwAsResponse(error);
  }
  // A finished allocation is read on its own page: the progress page has nothing more to say.
  if (job.status === 'SUCCEEDED' && job.allocationId) throw redirect(`/affectations/${job.allocationId}`);
  return { job };
}

export default function JobProgress() {
  const { job } = useLoaderData<typeof loader>();
  const revalidator = useRevalidator();
  const running = job.status === 'QUEUED' || job.status === 'RUNNING';
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      if (revalidator.state === 'idle') revalidator.revalidate();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [running, revalidator]);
  const percent = job.total > 0 ? Math.round((job.done / job.total) * 100) : null;
  return (
    <div className="stack">
      {/* Without JavaScript the page reloads itself while the job runs. */}
      {running ? (
        <noscript>
          <meta httpEquiv="refresh" content="3" />
        </noscript>
      ) : null}
      <h1>{kindLabels[job.kind]}</h1>
      <p className="meta">{`Lancé le ${formatDate(job.createdAt)}`}</p>
      <div role="status" aria-live="polite" className="stack">
        <p>
          {job.status === 'QUEUED' && 'En attente : le traitement va démarrer.'}
          {job.status === 'RUNNING' && `En cours : ${job.step ?? ''}`}
          {job.status === 'SUCCEEDED' && 'Terminé.'}
          {job.status === 'FAILED' && `Le traitement a échoué : ${job.error ?? ''}`}
        </p>
        {running ? (
          <>
            <label htmlFor="job-progress">{percent === null ? 'Avancement' : `Avancement : ${percent} %`}</label>
            {job.total > 0 ? (
              <progress id="job-progress" max={job.total} value={job.done}>{`${percent} %`}</progress>
            ) : (
              <progress id="job-progress" />
            )}
          </>
        ) : null}
      </div>
      {running ? (
        <p>Vous pouvez quitter cette page : le traitement continue et vous pourrez revenir ici pour voir le résultat.</p>
      ) : null}
      {job.status === 'SUCCEEDED' && job.kind === 'REEMBEDDING' ? (
        <p>{`${job.done} offre(s) et besoin(s) recalculé(s). Les suggestions tiennent compte du nouveau thésaurus.`}</p>
      ) : null}
      <p>
        <Link to="/compte">Retour à mon espace</Link>
      </p>
    </div>
  );
}
