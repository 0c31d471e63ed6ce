/**
 * Training jobs: the seed's logistic-regression program run on a bounded executor, its metrics and
 * status changes kept as a log of events with increasing ids (its metrics thinned past a byte cap),
 * streamed to any number of subscribers, each reading at its own pace so that none can slow the job. Jobs
 * are admitted only while their memory fits in the jobs' pool, and let their data go when they end.
 */
package dev.backprop.training;
