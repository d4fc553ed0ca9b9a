import { garbage, noAutoRemediation, passes, policyCases, undecided, violates } from "../../cases";
import { ec2Subnet, ec2SubnetOutputs } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const field = "mapPublicIpOnLaunch";

policyCases("aws-vpc-subnet-no-public-ip", [
    passes(ec2Subnet()),
    passes(ec2Subnet({ [field]: undefined })),
    passes(ec2SubnetOutputs()),
    violates(ec2Subnet({ [field]: true }), { code: "notAllowed", field }),
    violates(ec2SubnetOutputs({ [field]: true }), { code: "notAllowed", field }),
    violates(ec2Subnet({ [field]: "true" }), { code: "wrongType", field }),
    undecided(ec2Subnet({ [field]: unknown }), field),
    garbage(ec2Subnet({ [field]: secret("SECRET"), cidrBlock: { SECRET: 1 } })),
    noAutoRemediation(ec2Subnet({ [field]: true })),
]);
