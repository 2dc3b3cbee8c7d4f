import { cohortAllocationJob } from '../allocation/cohort-allocation';
import type { JobHandlers } from './queue';
import { reembeddingJob } from './reembedding';

/** What each kind of background job does; the one table the worker, the tests and the command line share. */
export const jobHandlers: JobHandlers = {
  COHORT_ALLOCATION: cohortAllocationJob,
  REEMBEDDING: reembeddingJob,
};
