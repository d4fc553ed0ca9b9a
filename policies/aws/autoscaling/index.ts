// EC2 Auto Scaling controls: launch configurations and templates give instances no public IP
// addresses; groups behind a load balancer use its health checks (a stack check: attachments are
// resources of their own).

import elbHealthCheck from "./elb-health-check";
import launchNoPublicIp from "./launch-no-public-ip";

export const policies = [launchNoPublicIp];
export const stackPolicies = [elbHealthCheck];
