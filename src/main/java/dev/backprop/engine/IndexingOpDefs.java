package dev.backprop.engine;

/** index_select, gather, scatter, masked_fill, and Python's subscripts with their assignment. */
final class IndexingOpDefs {
    private IndexingOpDefs() {}

    static void register() {}
}
