import { garbage, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { classicLoadBalancer, classicLoadBalancerOutputs } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const field = "crossZoneLoadBalancing";

policyCases("aws-elb-cross-zone", [
    passes(classicLoadBalancer()),
    // The provider sends its default (true) when the property is left out.
    passes(classicLoadBalancer({ [field]: undefined })),
    passes(classicLoadBalancerOutputs()),
    violates(classicLoadBalancer({ [field]: false }), { code: "notAllowed", field }),
    violates(classicLoadBalancerOutputs({ [field]: false }), { code: "notAllowed", field }),
    violates(classicLoadBalancer({ [field]: 1 }), { code: "wrongType", field }),
    undecided(classicLoadBalancer({ [field]: unknown }), field),
    garbage(classicLoadBalancer({ [field]: secret("SECRET"), listeners: "SECRET" })),
    remediates(classicLoadBalancer({ [field]: false }), { [field]: true }),
    remediates(classicLoadBalancer({ [field]: undefined }), "nothing"),
]);
