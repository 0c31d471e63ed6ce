package dev.backprop.engine;

/**
 * How a view was made, as far as changing it in place is concerned (PyTorch's {@code CreationMeta},
 * torch/csrc/autograd/variable.h): a view that requires grad and was made in no-grad mode, or is one of several
 * views one op answered, may not be changed in place with grad mode on.
 */
enum ViewCreation {
    DEFAULT,
    /** One of the views of an op that answers several ({@code split}, {@code chunk}). */
    MULTI_OUTPUT,
    /** Made while grad mode was off. */
    NO_GRAD_MODE;

    /** PyTorch's refusal of an in-place change to {@code view} (handle_view_on_rebase, torch/csrc/autograd/variable.cpp). */
    EngineException refusal(Tensor view) {
        if (this == MULTI_OUTPUT) {
            return EngineException.autograd("Output " + view.outputNr() + " of " + view.gradFnName() + " is a view and is being "
                    + "modified inplace. This view is the output of a function that returns multiple views. Such functions do not allow "
                    + "the output views to be modified inplace. You should replace the inplace operation by an out-of-place one.");
        }
        return EngineException.autograd("A view was created in no_grad mode and is being modified inplace with grad mode enabled. "
                + "Given that this use case is ambiguous and error-prone, it is forbidden. You can clarify your code by moving both the "
                + "view and the inplace either both inside the no_grad block (if you don't want the inplace to be tracked) or both "
                + "outside (if you want the inplace to be tracked).");
    }
}
