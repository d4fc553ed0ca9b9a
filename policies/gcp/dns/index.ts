// Cloud DNS: public zones signed with DNSSEC (no RSASHA1), and DNS query logging for every VPC network.

import dnssec from "./dnssec";
import logging from "./logging";

export const policies = [dnssec];

export const stackPolicies = [logging];
