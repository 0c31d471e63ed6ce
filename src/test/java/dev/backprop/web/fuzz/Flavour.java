package dev.backprop.web.fuzz;

/** What kind of input a request carries. */
public enum Flavour {
    /** Respects the schema's types and enums, with small sizes and real names. */
    VALID,
    /** Edge values: empty and very long strings and arrays, 0, negatives, huge numbers, deep nesting, nulls, unicode, duplicate keys. */
    BOUNDARY,
    /** Wrong types, unknown fields, missing fields, bodies that are not JSON, the wrong Content-Type. */
    INVALID
}
