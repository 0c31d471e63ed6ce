/**
 * Where jobs outlive their process: a PostgreSQL database (an embedded one under {@code backprop.store.path} by
 * default, or any server through {@code spring.datasource.*}) with its schema in Flyway migrations, and the
 * records the job service keeps there: jobs, every event exactly as the stream sends it, and checkpoints.
 */
package dev.backprop.store;
