/** The gateway demo: a topology of network namespaces, the gateway on a sample file, traffic and a report. */
package io.github.netlink4j.examples.demo;
