import { stackCases, stackGarbage, stackMisconfigured, stackNotApplicable, stackPasses, stackUndecided, stackViolates } from "../../cases";
import { NET, res, vpcOf, vpcOutputs } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const edge = vpcOf("edge");
const phi = vpcOf("phi");
const igw = (name: string, vpc: ReturnType<typeof vpcOf> | undefined, props: Record<string, unknown> = {}) =>
    res(NET.internetGateway, name, { vpcId: vpc ? unknown : undefined, tags: {}, ...props }, vpc ? { vpcId: [vpc] } : {});
const attach = (name: string, vpc: ReturnType<typeof vpcOf> | undefined, props: Record<string, unknown> = {}) =>
    res(NET.igwAttachment, name, { internetGatewayId: unknown, vpcId: vpc ? unknown : undefined, ...props }, vpc ? { vpcId: [vpc] } : {});

stackCases("aws-vpc-igw-authorized-vpcs", [
    // The default authorizes no VPC: any attached internet gateway is reported.
    stackViolates([phi, igw("gw", phi)], [{ on: "gw", code: "unauthorizedVpc", field: "vpcId" }]),
    stackViolates([phi, igw("gw", undefined), attach("gw-attach", phi)], [{ on: "gw-attach", code: "unauthorizedVpc", field: "vpcId" }]),
    stackPasses([edge, igw("gw", edge)], { authorizedVpcs: ["edge"] }),
    stackPasses([edge, igw("gw", undefined), attach("gw-attach", edge)], { authorizedVpcs: ["edge"] }),
    stackViolates([edge, phi, igw("gw", phi)], [{ on: "gw", code: "unauthorizedVpc" }], { authorizedVpcs: ["edge"] }),
    // A VPC from outside the stack, by its id.
    stackPasses([igw("gw", undefined, { vpcId: "vpc-0edge" })], { authorizedVpcs: ["vpc-0edge"] }),
    stackViolates([igw("gw", undefined, { vpcId: "vpc-0other" })], [{ on: "gw", code: "unauthorizedVpc" }], { authorizedVpcs: ["vpc-0edge"] }),
    stackNotApplicable([igw("gw", undefined)], /attached to no VPC here/),
    stackViolates([attach("gw-attach", undefined)], [{ on: "gw-attach", code: "notSet", field: "vpcId" }]),
    stackUndecided([igw("gw", undefined, { vpcId: unknown })], [{ on: "gw", fields: "vpcId" }]),
    stackMisconfigured([phi, igw("gw", phi)], { authorizedVpcs: "edge" }, "authorizedVpcs"),
    stackMisconfigured([phi, igw("gw", phi)], { authorizedVpcs: ["has space"] }, "authorizedVpcs"),
    stackNotApplicable([phi], /has no resource of type/),
    // Outputs-shaped: names by id; an unattached gateway reports vpcId "".
    stackPasses([vpcOutputs("edge", "vpc-0e"), res(NET.internetGateway, "gw", { arn: "arn", id: "igw-0a", ownerId: "111122223333", vpcId: "vpc-0e", tags: {} })], { authorizedVpcs: ["vpc-0e"] }),
    stackPasses([vpcOutputs("edge", "vpc-0e"), res(NET.internetGateway, "gw", { id: "igw-0a", vpcId: "vpc-0e" })], { authorizedVpcs: ["edge"] }),
    stackViolates([vpcOutputs("phi", "vpc-0p"), res(NET.internetGateway, "gw", { id: "igw-0a", vpcId: "vpc-0p" })], [{ on: "gw", code: "unauthorizedVpc" }]),
    stackNotApplicable([res(NET.internetGateway, "gw", { id: "igw-0a", vpcId: "" })], /attached to no VPC here/),
    stackGarbage([igw("gw", undefined, { vpcId: secret("SECRET") }), attach("a", undefined, { vpcId: { SECRET: 1 } })]),
]);
