import { Outcome, violation } from "../../lib/outcome";
import { defineResourcePolicy } from "../../lib/policy";
import { Props } from "../../lib/props";
import { isTrue, oneOf, Patch } from "../../lib/rules";
import { domainTypes, enforceHttps, tls12Policies, tlsPolicies, tlsSecurityPolicy } from "./facts";

const block = "domainEndpointOptions";
const to = tls12Policies[0];
const tlsFix = `set ${block}.tlsSecurityPolicy: "${tls12Policies.join('" or "')}"`;
const blockFix = `set ${block}: { enforceHttps: true, tlsSecurityPolicy: "${to}" }`;

function https(props: Props): Outcome[] {
    if (props.single(block).state === "absent") {
        return [violation({ code: "absentDefault", field: block, problem: `${block} is not set, so HTTPS is not enforced and TLS 1.0 may be accepted`, fix: blockFix })];
    }
    const tls = props.within(block, tlsSecurityPolicy.field, "string");
    return [
        isTrue(props.within(block, enforceHttps.field, "boolean"), { path: enforceHttps.path, absentMeans: enforceHttps.absent!, fix: `set ${enforceHttps.path}: true` }),
        tls.state === "absent"
            ? violation({ code: "notSet", field: tlsSecurityPolicy.path, problem: `${tlsSecurityPolicy.path} is not set, so TLS 1.0 may be accepted`, fix: tlsFix })
            : oneOf(tls, { path: tlsSecurityPolicy.path, allowed: tls12Policies, known: tlsPolicies, fix: tlsFix }),
    ];
}

/** enforceHttps true and a TLS 1.2 policy, in a known block (or a new one); values unknown or of the wrong type are left alone. */
function patch(props: Props): Patch | undefined {
    if (props.isSecret(block)) return undefined;
    const read = props.object(block);
    if (read.state === "absent") return { [block]: { enforceHttps: true, tlsSecurityPolicy: to } };
    if (read.state !== "known") return undefined;
    const fixes: Record<string, unknown> = {};
    const enforce = read.value.boolean(enforceHttps.field);
    if (enforce.state === "known" && !enforce.value) fixes[enforceHttps.field] = true;
    const tls = read.value.string(tlsSecurityPolicy.field);
    if (tls.state === "absent" || (tls.state === "known" && !tls12Policies.includes(tls.value))) fixes[tlsSecurityPolicy.field] = to;
    return Object.keys(fixes).length === 0 ? undefined : { [block]: { ...read.value.rawCopy(), ...fixes } };
}

export default defineResourcePolicy({
    name: "aws-opensearch-https-required",
    description: "OpenSearch and Elasticsearch domain endpoints accept only HTTPS, with TLS 1.2 or later.",
    severity: "high",
    types: domainTypes,
    hipaa: ["164.312(e)(1)", "164.312(e)(2)(ii)"],
    hitrust: ["0808.10b2"],
    tags: ["aws", "opensearch", "elasticsearch", "encryption-in-transit", "tls"],
    anchors: { awsConfig: ["opensearch-https-required"], checkov: ["CKV_AWS_83"] },
    remediation:
        `Set \`${block}: { enforceHttps: true, tlsSecurityPolicy: "${to}" }\` (or "Policy-Min-TLS-1-2-PFS-2023-10") on the \`aws.opensearch.Domain\` or ` +
        "`aws.elasticsearch.Domain`. `enforceHttps` defaults to true only inside the block; without the block HTTPS is not enforced. Clients older than TLS 1.2 stop connecting.",
    check: r => https(r.props),
    remediate: r => patch(r.props),
});
