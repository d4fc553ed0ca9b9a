import { garbage, notApplicable, passes, policyCases, undecided, violates } from "../../cases";
import { sqlInstance, sqlInstanceOutputs, sqlSettings } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const networks = (authorizedNetworks: unknown, ipv4Enabled: unknown = true) => ({
    settings: sqlSettings({ ipConfiguration: { ipv4Enabled, sslMode: "ENCRYPTED_ONLY", authorizedNetworks } }),
});
const at = (i: number) => `settings.ipConfiguration.authorizedNetworks[${i}].value`;

policyCases("gcp-sql-authorized-networks", [
    passes(sqlInstance(networks([{ name: "office", value: "203.0.113.0/24" }]))),
    passes(sqlInstance(networks(undefined))),
    passes(sqlInstance({ settings: sqlSettings({ ipConfiguration: undefined }) })),
    // Without a public IP, authorized networks admit nothing.
    notApplicable(sqlInstance(), /no public IP/),
    notApplicable(sqlInstance(networks([{ value: "0.0.0.0/0" }], false)), /no public IP/),
    violates(sqlInstance(networks([{ value: "203.0.113.0/24" }, { name: "all", value: "0.0.0.0/0" }])), { code: "openToWorld", field: at(1) }),
    violates(sqlInstance(networks([{ value: "::/0" }, { value: " 0.0.0.0 " }])), [{ code: "openToWorld", field: at(0) }, { code: "openToWorld", field: at(1) }]),
    // ipv4Enabled omitted means a public IP, so the list matters.
    violates(sqlInstance(networks([{ value: "0.0.0.0/00" }], undefined)), { code: "openToWorld", field: at(0) }),
    violates(sqlInstance(networks([{ value: 10 }])), { code: "wrongType", field: at(0) }),
    violates(sqlInstance(networks("0.0.0.0/0")), { code: "wrongType" }),
    undecided(sqlInstance(networks([{ value: unknown }])), at(0)),
    undecided(sqlInstance(networks(unknown)), "settings.ipConfiguration.authorizedNetworks"),
    undecided(sqlInstance(networks([unknown])), "settings.ipConfiguration.authorizedNetworks[0]"),
    // Unknown whether there is a public IP: the list still decides it.
    passes(sqlInstance(networks([{ value: "203.0.113.7/32" }], unknown))),
    notApplicable(sqlInstanceOutputs(), /no public IP/),
    violates(sqlInstanceOutputs({ ipConfiguration: { ipv4Enabled: true, authorizedNetworks: [{ name: "", value: "0.0.0.0/0", expirationTime: "" }] } }), { code: "openToWorld", field: at(0) }),
    garbage(sqlInstance(networks([{ value: secret("SECRET-0.0.0.0/0") }, null, { value: { SECRET: 1 } }]))),
]);
