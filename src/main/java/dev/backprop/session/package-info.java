/**
 * Sessions: a workspace of named tensors, modules and optimizers around one generator, owned by a
 * caller, serialized per session, held to quotas and expired when idle. Ops arrive by name and run on
 * the engine inside a transaction that undoes them exactly when they fail or break a quota.
 */
package dev.backprop.session;
