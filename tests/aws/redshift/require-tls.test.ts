import { secret, unknown } from "../../../tools/lib/analyzer-client";
import { stackCases, stackNotApplicable, stackPasses, stackUndecided, stackViolates } from "../../cases";
import { redshiftCluster, res } from "../../factories";

const policy = "aws-redshift-require-tls";
const GROUP = "aws:redshift/parameterGroup:ParameterGroup";

const group = (parameters: unknown, name = "phi-warehouse-tls") => res(GROUP, name, { name, family: "redshift-1.0", parameters });
const clusterOf = (props: Record<string, unknown>, deps: Record<string, ReturnType<typeof group>[]> = {}) =>
    res(redshiftCluster().type, "phi-warehouse", { ...redshiftCluster().props, ...props }, deps);

const tls = group([{ name: "require_ssl", value: "true" }, { name: "enable_user_activity_logging", value: "true" }]);
const onGroup = (code: string) => [{ on: "phi-warehouse-tls", code }];

stackCases(policy, [
    // A cluster whose in-stack parameter group sets require_ssl true, by name or by dependency.
    stackPasses([tls, clusterOf({})]),
    stackPasses([tls, clusterOf({ clusterParameterGroupName: unknown }, { clusterParameterGroupName: [tls] })]),
    stackPasses([group([{ name: "REQUIRE_SSL", value: "TRUE" }]), clusterOf({})]),
    // The default parameter group, on the cluster.
    stackViolates([clusterOf({ clusterParameterGroupName: undefined })], [{ on: "phi-warehouse", code: "defaultParameterGroup" }]),
    stackViolates([clusterOf({ clusterParameterGroupName: "default.redshift-1.0" })], [{ on: "phi-warehouse", code: "defaultParameterGroup" }]),
    // require_ssl off or missing, on the parameter group.
    stackViolates([group([{ name: "require_ssl", value: "false" }]), clusterOf({})], onGroup("notAllowed")),
    stackViolates([group([{ name: "enable_user_activity_logging", value: "true" }]), clusterOf({})], onGroup("absentDefault")),
    stackViolates([group(undefined), clusterOf({})], onGroup("absentDefault")),
    stackViolates([group("require_ssl=true"), clusterOf({})], onGroup("wrongType")),
    // Undecided on unknown names or values; a group managed elsewhere is left to where it is defined.
    stackUndecided([group([{ name: "require_ssl", value: unknown }]), clusterOf({})], [{ on: "phi-warehouse-tls", fields: "parameters[0].value" }]),
    stackUndecided([clusterOf({ clusterParameterGroupName: unknown })], [{ on: "phi-warehouse", fields: "clusterParameterGroupName" }]),
    stackNotApplicable([clusterOf({ clusterParameterGroupName: "shared-tls-group" })], /parameter group is not created by this stack/),
    // Garbage is a clean finding, and no secret is echoed.
    stackViolates([group([null, 5, { name: secret("SECRET"), value: { SECRET: 1 } }, { name: "require_ssl", value: secret("SECRET") }]), clusterOf({ clusterParameterGroupName: "phi-warehouse-tls" })], onGroup("notAllowed")),
]);
