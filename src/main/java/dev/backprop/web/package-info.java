/**
 * The HTTP adapter: controllers that translate the contract of API.md into calls on sessions and the
 * engine, the request and response records, problem details for every refusal, and the guards on
 * what a request may carry (body size, JSON shape, finite numbers).
 */
package dev.backprop.web;
