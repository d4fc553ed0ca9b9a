import { stringListKnob } from "../../lib/knobs";
import { notApplicable, Outcome, pass, undecided, violation } from "../../lib/outcome";
import { defineStackPolicy } from "../../lib/stack";
import { internetGateway, internetGatewayAttachment, vpcTarget } from "./facts";

const fix = "remove the internet gateway (reach the internet through a shared egress VPC or VPC endpoints), or list the VPC in the authorizedVpcs knob once it is reviewed";

export default defineStackPolicy({
    name: "aws-vpc-igw-authorized-vpcs",
    description: "Internet gateways are attached only to VPCs the authorizedVpcs knob names (none by default: any attached internet gateway is reported).",
    severity: "high",
    types: [internetGateway, internetGatewayAttachment],
    hipaa: ["164.312(a)(1)", "164.312(e)(1)"],
    hitrust: ["0805.01m1"],
    tags: ["aws", "vpc", "network", "public-access", "stack"],
    anchors: { awsConfig: ["internet-gateway-authorized-vpc-only"] },
    remediation:
        "Keep PHI VPCs without an internet gateway: reach AWS services through VPC endpoints and the internet through a reviewed egress VPC. " +
        "List a VPC that must have one (a public edge VPC) by its Pulumi resource name or its vpc- id in the knob `authorizedVpcs`, or waive the finding with a reason.",
    knobs: {
        authorizedVpcs: stringListKnob({
            default: [], pattern: "^[^\\s]{1,256}$", maxItems: 64, itemWords: "VPC Pulumi names or vpc- ids",
            description: "VPCs (aws.ec2.Vpc Pulumi resource names, or vpc- ids) that may have an internet gateway attached; none by default.",
        }),
    },
    check: (r, stack, config): Outcome => {
        const ref = stack.resolve(r, "vpcId", vpcTarget);
        const allowed = config.authorizedVpcs;
        switch (ref.state) {
            case "absent":
                return r.type === internetGateway
                    ? notApplicable("the internet gateway is attached to no VPC here (an aws.ec2.InternetGatewayAttachment is checked instead)")
                    : violation({ code: "notSet", field: "vpcId", problem: "vpcId is not set", fix: "set vpcId to an authorized VPC's id" });
            case "unknown":
                return undecided("vpcId");
            case "wrongType":
                return violation({ code: "wrongType", field: "vpcId", problem: "vpcId is not a string", fix: "set vpcId to an authorized VPC's id" });
            case "inStack": {
                const id = ref.resource.props.string("id");
                if (allowed.includes(ref.resource.name) || (id.state === "known" && allowed.includes(id.value))) return pass;
                break;
            }
            case "outside": {
                const id = r.props.string("vpcId");
                if (id.state === "known" && allowed.includes(id.value.trim())) return pass;
                break;
            }
        }
        return violation({ code: "unauthorizedVpc", field: "vpcId", problem: "the internet gateway is attached to a VPC the authorizedVpcs knob does not name", fix });
    },
});
