/** The memory budget: the heap divided into pools that every client-caused holding is counted in. */
package dev.backprop.memory;
