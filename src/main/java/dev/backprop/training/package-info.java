/**
 * Training jobs: the seed's logistic-regression program run on a bounded executor, its metrics and
 * status changes kept as an append-only log of events with consecutive ids, streamed to any number of
 * subscribers, each reading at its own pace so that none can slow the job.
 */
package dev.backprop.training;
