import { garbage, passes, policyCases, remediates, undecided, violates } from "../../cases";
import { elasticsearchDomain, opensearchDomain } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const field = "vpcOptions.subnetIds";

policyCases("aws-opensearch-in-vpc", [
    passes(opensearchDomain()),
    passes(elasticsearchDomain()),
    passes(opensearchDomain({ vpcOptions: { subnetIds: unknown } })),
    passes(opensearchDomain({ vpcOptions: { subnetIds: [unknown, "subnet-0abc"] } })),
    violates(opensearchDomain({ vpcOptions: undefined }), { code: "notSet", field }),
    violates(elasticsearchDomain({ vpcOptions: undefined }), { code: "notSet", field }),
    violates(opensearchDomain({ vpcOptions: { subnetIds: [] } }), { code: "notSet", field }),
    violates(opensearchDomain({ vpcOptions: { subnetIds: [""] } }), { code: "noSubnets", field }),
    violates(opensearchDomain({ vpcOptions: { subnetIds: "subnet-0abc" } }), { code: "wrongType", field }),
    undecided(opensearchDomain({ vpcOptions: { subnetIds: [unknown] } }), field),
    undecided(opensearchDomain({ vpcOptions: unknown }), field),
    // Outputs-shaped: a one-element list; a public domain has empty lists.
    passes(opensearchDomain({ vpcOptions: [{ subnetIds: ["subnet-0abc"], securityGroupIds: ["sg-0abc"], vpcId: "vpc-0abc", availabilityZones: ["us-east-1a"] }] })),
    violates(opensearchDomain({ vpcOptions: [] }), { code: "notSet", field }),
    garbage(opensearchDomain({ vpcOptions: { subnetIds: [secret("SECRET"), { SECRET: 1 }] } })),
    remediates(opensearchDomain({ vpcOptions: undefined }), "nothing"),
]);
