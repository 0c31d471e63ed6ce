package dev.backprop.session;

import dev.backprop.engine.optim.LRScheduler;
import dev.backprop.engine.optim.Optimizer;
import dev.backprop.engine.optim.SchedulerFields;
import dev.backprop.engine.optim.SchedulerSpec;
import org.springframework.stereotype.Service;

/**
 * The learning-rate schedulers of a session's optimizers, each named within its optimizer. Creating one records
 * the optimizer's {@code initial_lr} and makes its first step, as PyTorch does; stepping one changes the lr the
 * optimizer's next step uses. A failed request changes neither the scheduler nor the optimizer's lr.
 */
@Service
public class SchedulerService {
    private final OpExecutor executor;
    private final Limits limits;

    public SchedulerService(OpExecutor executor, Limits limits) {
        this.executor = executor;
        this.limits = limits;
    }

    /** The new scheduler; 404 for an unknown optimizer, 409 {@code scheduler-exists} for a name the optimizer already has. */
    public LRScheduler create(Session s, String optimizerName, String name, SchedulerFields fields) {
        Names.check(name, limits.maxNameLength(), "name");
        BoundOptimizer bound = ModuleService.optimizer(s, optimizerName);
        if (bound.schedulers().containsKey(name)) {
            throw new ApiException(409, "scheduler-exists", "optimizer '" + optimizerName + "' already has a scheduler '" + name + "'");
        }
        SchedulerSpec spec = fields.spec();
        return executor.atomically(s, tx -> {
            keepLr(tx, bound.optimizer());
            LRScheduler scheduler = spec.build(bound.optimizer());
            bound.schedulers().put(name, scheduler);
            tx.onRollback(() -> bound.schedulers().remove(name));
            return scheduler;
        });
    }

    /** {@code scheduler.step()}. */
    public LRScheduler step(Session s, String optimizerName, String name) {
        LRScheduler scheduler = scheduler(s, optimizerName, name);
        return executor.atomically(s, tx -> {
            keepLr(tx, scheduler.optimizer());
            Object state = scheduler.saveState();
            tx.onRollback(() -> scheduler.restoreState(state));
            scheduler.step();
            return scheduler;
        });
    }

    /** {@code del scheduler}: the optimizer keeps the lr the scheduler last set. */
    public void delete(Session s, String optimizerName, String name) {
        scheduler(s, optimizerName, name);
        executor.atomically(s, tx -> tx.remove(ModuleService.optimizer(s, optimizerName).schedulers(), name));
    }

    /** The scheduler {@code name} of the optimizer; 404 {@code optimizer-not-found} or {@code scheduler-not-found}. */
    public LRScheduler scheduler(Session s, String optimizerName, String name) {
        LRScheduler scheduler = ModuleService.optimizer(s, optimizerName).schedulers().get(name);
        if (scheduler == null) throw ApiException.notFound("scheduler", name);
        return scheduler;
    }

    private static void keepLr(Transaction tx, Optimizer optimizer) {
        double lr = optimizer.lr();
        Double initialLr = optimizer.initialLr();
        tx.onRollback(() -> {
            optimizer.setLr(lr);
            optimizer.setInitialLr(initialLr);
        });
    }
}
