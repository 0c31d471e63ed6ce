package dev.backprop.session;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every size the service accepts from a client, each configurable under {@code backprop.limits}. What all
 * sessions together may hold is a share of the heap, {@code backprop.memory.sessions}.
 *
 * @param maxTensorElements elements in one tensor (413 above)
 * @param maxRank           dimensions of one tensor (413 above)
 * @param maxSessionBytes   bytes one session may hold, graphs included (429 above)
 * @param maxAnswerElements values (data and grads) one answer may carry; above, 413 pointing to {@code ?data=false}
 * @param maxSessions       live sessions (429 above)
 * @param maxGraphNodes     grad_fn nodes one session's graphs may hold (429 above)
 * @param maxSessionObjects named tensors, modules (each layer counts), optimizers (each parameter too) and schedulers one
 *                          session may hold (429 above)
 * @param maxBatchOps       ops in one batch (413 above)
 * @param maxBodyBytes      bytes in one request body (413 above)
 * @param maxJsonDepth      nesting depth of a JSON body (400 above)
 * @param maxNumberLength   characters in one JSON number (400 above)
 * @param maxStringLength   characters in one JSON string (400 above)
 * @param maxNameLength     characters in a tensor, module or optimizer name (400 above)
 * @param sessionTtl        idle time after which a session expires and its memory is freed
 * @param bodyReadTimeout   how long after its request began a body may still be arriving (408 after)
 * @param timeBudget        how long one request's ops may run; past it they stop, nothing is kept, and the answer is 503
 */
@ConfigurationProperties(prefix = "backprop.limits", ignoreUnknownFields = false)
public record Limits(
        @DefaultValue("16777216") int maxTensorElements,
        @DefaultValue("8") int maxRank,
        @DefaultValue("268435456") long maxSessionBytes,
        @DefaultValue("4194304") long maxAnswerElements,
        @DefaultValue("1000") int maxSessions,
        @DefaultValue("100000") int maxGraphNodes,
        @DefaultValue("100000") int maxSessionObjects,
        @DefaultValue("10000") int maxBatchOps,
        @DefaultValue("67108864") long maxBodyBytes,
        @DefaultValue("64") int maxJsonDepth,
        @DefaultValue("1000") int maxNumberLength,
        @DefaultValue("1048576") int maxStringLength,
        @DefaultValue("128") int maxNameLength,
        @DefaultValue("30m") Duration sessionTtl,
        @DefaultValue("30s") Duration bodyReadTimeout,
        @DefaultValue("10s") Duration timeBudget) {}
