/**
 * The reference multi-tenant overlay gateway: one external gretap shared by every tenant, a VRF
 * per tenant with lightweight-tunnel routes, nftables NAT for elastic IPs and a flowtable,
 * reconciled from a JSON tenant file.
 */
package io.github.netlink4j.examples.gateway;
