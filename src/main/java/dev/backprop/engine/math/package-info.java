/**
 * Elementary functions whose results are fixed to the bit: built only from operations IEEE 754 and the
 * Java language specify exactly, so that a value comes out the same in a scalar loop and in a SIMD lane,
 * interpreted or compiled by any JIT tier. No dependencies beyond {@code java.*} and the Vector API.
 */
package dev.backprop.engine.math;
