/** Tells, by trying each in a scratch network namespace, whether the running kernel has what the gateway needs. */
package io.github.netlink4j.examples.probe;
