// EC2 controls: security-group ingress open to the internet (SSH, administration and database
// ports, anything not authorized), IMDSv2, public IP addresses (a stack check: the subnet decides
// an omitted one) and instance profiles.

import imdsv2 from "./imdsv2";
import instanceNoPublicIp from "./instance-no-public-ip";
import instanceProfile from "./instance-profile";
import sgAuthorizedPorts from "./sg-authorized-ports";
import sgCommonPortsRestricted from "./sg-common-ports-restricted";
import sgSshRestricted from "./sg-ssh-restricted";

export const policies = [sgSshRestricted, sgCommonPortsRestricted, sgAuthorizedPorts, instanceProfile];
export const stackPolicies = [imdsv2, instanceNoPublicIp];
