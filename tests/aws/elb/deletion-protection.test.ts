import { garbage, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { albLoadBalancer, lbLoadBalancer, lbLoadBalancerOutputs } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const field = "enableDeletionProtection";

policyCases("aws-elb-deletion-protection", [
    passes(lbLoadBalancer()),
    passes(albLoadBalancer()),
    passes(lbLoadBalancerOutputs()),
    // Network and Gateway Load Balancers can be deleted too: checked alike.
    passes(lbLoadBalancer({ loadBalancerType: "network" })),
    violates(lbLoadBalancer({ [field]: undefined }), { code: "absentDefault", field }),
    violates(albLoadBalancer({ [field]: false }), { code: "notAllowed", field }),
    violates(lbLoadBalancerOutputs({ [field]: false }), { code: "notAllowed", field }),
    violates(lbLoadBalancer({ [field]: "true" }), { code: "wrongType", field }),
    undecided(lbLoadBalancer({ [field]: unknown }), field),
    garbage(lbLoadBalancer({ [field]: secret("SECRET"), accessLogs: [unknown], loadBalancerType: { SECRET: 1 } })),
    remediates(lbLoadBalancer({ [field]: undefined }), { [field]: true }),
    remediates(albLoadBalancer({ [field]: false }), { [field]: true }),
    remediates(lbLoadBalancer({ [field]: unknown }), "nothing"),
]);
