import * as assert from "assert";
import { assertFinding, assertPasses, assertUndecided, assertViolates, secret, unknown, usePack } from "../pack";
import { encodeValue, UNKNOWN_SENTINEL } from "../../tools/lib/analyzer-client";

const instance = "gcp:compute/instance:Instance";
const template = "gcp:compute/instanceTemplate:InstanceTemplate";
const regionTemplate = "gcp:compute/regionInstanceTemplate:RegionInstanceTemplate";
const disk = "gcp:compute/disk:Disk";
const regionDisk = "gcp:compute/regionDisk:RegionDisk";

const RAW_KEY = "SGlQQUEtcmF3LWtleS1TRUNSRVQtZG8tbm90LWVjaG8=";
const RSA_KEY = "UlNBLXdyYXBwZWQtU0VDUkVULWRvLW5vdC1lY2hv";
const KMS_KEY = "projects/phi/locations/us-central1/keyRings/phi/cryptoKeys/disks";
const DEFAULT_SA = "123456789012-compute@developer.gserviceaccount.com";
const APP_SA = "phi-app@phi-prod.iam.gserviceaccount.com";

const shielded = { enableSecureBoot: true, enableVtpm: true, enableIntegrityMonitoring: true };
const metadata = { "enable-oslogin": "TRUE", "block-project-ssh-keys": "TRUE" };

const compliantInstance = {
    machineType: "n2-standard-2",
    zone: "us-central1-a",
    bootDisk: { initializeParams: { image: "debian-cloud/debian-12" }, kmsKeySelfLink: KMS_KEY },
    attachedDisks: [{ source: "phi-data" }],
    scratchDisks: [{ interface: "NVME" }],
    networkInterfaces: [{ subnetwork: "phi-subnet" }],
    shieldedInstanceConfig: shielded,
    metadata,
    serviceAccount: { email: APP_SA, scopes: ["cloud-platform"] },
    canIpForward: false,
};
const compliantTemplate = {
    machineType: "n2-standard-2",
    disks: [
        { boot: true, sourceImage: "debian-cloud/debian-12", diskEncryptionKey: { kmsKeySelfLink: KMS_KEY } },
        { type: "SCRATCH", diskType: "local-ssd", diskSizeGb: 375 },
        { source: "phi-shared-readonly", mode: "READ_ONLY" },
    ],
    networkInterfaces: [{ subnetwork: "phi-subnet" }],
    shieldedInstanceConfig: shielded,
    metadata,
    serviceAccount: { email: APP_SA, scopes: ["https://www.googleapis.com/auth/cloud-platform"] },
};

const vm = (props: Record<string, unknown>) => ({ type: instance, name: "vm", props: { ...compliantInstance, ...props } });
const tp = (props: Record<string, unknown>) => ({ type: template, name: "tmpl", props: { ...compliantTemplate, ...props } });
const rtp = (props: Record<string, unknown>) => ({ type: regionTemplate, name: "rtmpl", props: { ...compliantTemplate, region: "us-central1", ...props } });
const dk = (props: Record<string, unknown>) => ({ type: disk, name: "disk", props: { zone: "us-central1-a", size: 100, diskEncryptionKey: { kmsKeySelfLink: KMS_KEY }, ...props } });
const rdk = (props: Record<string, unknown>) => ({ type: regionDisk, name: "rdisk", props: { replicaZones: ["a", "b"], diskEncryptionKey: { kmsKeyName: KMS_KEY }, ...props } });

/** Each VM-level control runs on instances and both kinds of template. */
const vms = (props: Record<string, unknown>) => [vm(props), tp(props), rtp(props)];

const policies = [
    "gcp-compute-disk-encryption",
    "gcp-compute-shielded-vm",
    "gcp-compute-os-login",
    "gcp-compute-serial-port",
    "gcp-compute-public-ip",
    "gcp-compute-service-account",
    "gcp-compute-ip-forwarding",
];

/** Garbage every policy must survive: wrong types, nulls, nested unknowns, secrets in odd places. */
const garbage: Record<string, unknown>[] = [
    { bootDisk: null, disks: null, networkInterfaces: null, metadata: null, serviceAccount: null, shieldedInstanceConfig: null },
    { bootDisk: "disk", disks: "disk", networkInterfaces: "nic", metadata: "enable-oslogin=TRUE", serviceAccount: 7, shieldedInstanceConfig: true },
    { bootDisk: { diskEncryptionKeyRaw: 1234567890 }, disks: [{ diskEncryptionKey: { kmsKeySelfLink: 42 } }], canIpForward: "false" },
    { bootDisk: { diskEncryptionKeyRaw: [RAW_KEY] }, diskEncryptionKey: { rawKey: { key: RAW_KEY } } },
    { bootDisk: [unknown], disks: [unknown, null, 3], networkInterfaces: [unknown, null, "x", { accessConfigs: [unknown] }] },
    { metadata: { "enable-oslogin": secret(RAW_KEY), "serial-port-enable": RAW_KEY, "block-project-ssh-keys": [true] } },
    { metadata: { "enable-oslogin": unknown, "block-project-ssh-keys": null }, serviceAccount: { email: secret(RAW_KEY), scopes: [unknown, 3, null] } },
    { serviceAccount: [{ email: 5, scopes: "cloud-platform" }], shieldedInstanceConfig: [{ enableSecureBoot: "yes" }] },
    { diskEncryptionKey: secret({ rawKey: RAW_KEY }), bootDisk: secret({ diskEncryptionKeyRsa: RSA_KEY }) },
    { diskEncryptionKey: [unknown], networkInterfaces: [{ accessConfigs: "yes", ipv6AccessConfigs: {} }] },
];

describe("Compute Engine controls", () => {
    const pack = usePack();

    it("a compliant instance, template and regional template pass every VM control; compliant disks pass encryption", async () => {
        for (const policy of policies) {
            for (const resource of vms({})) assertPasses(await pack.check(policy, resource));
        }
        assertPasses(await pack.check("gcp-compute-disk-encryption", dk({})));
        assertPasses(await pack.check("gcp-compute-disk-encryption", rdk({})));
    });

    it("garbage never fails the call, never echoes a key or secret, and every finding is complete", async () => {
        for (const props of garbage) {
            for (const resource of [...vms(props), dk(props), rdk(props)]) {
                const result = await pack.analyze(resource);
                for (const d of result.diagnostics) {
                    for (const s of [RAW_KEY, RSA_KEY, "1234567890", DEFAULT_SA]) {
                        assert.ok(!d.message.includes(s), `secret echoed by ${d.policyName}: ${d.message}`);
                    }
                    assert.ok(!d.message.includes("could not evaluate"), `${d.policyName} threw: ${d.message}`);
                    if (d.enforcementLevel === "mandatory") assertFinding(d.message);
                }
            }
        }
    });

    describe("gcp-compute-disk-encryption", () => {
        const policy = "gcp-compute-disk-encryption";
        it("accepts a KMS key or a customer-supplied key (raw or RSA-wrapped), known or unknown", async () => {
            for (const bootDisk of [
                { initializeParams: {}, kmsKeySelfLink: unknown },
                { initializeParams: {}, diskEncryptionKeyRaw: secret(RAW_KEY) },
                { initializeParams: {}, diskEncryptionKeyRsa: secret(RSA_KEY) },
                { initializeParams: {}, diskEncryptionKeyRaw: unknown },
            ]) {
                assertPasses(await pack.check(policy, vm({ bootDisk })));
            }
            for (const diskEncryptionKey of [{ kmsKeySelfLink: unknown }, { rawKey: secret(RAW_KEY) }, { rsaEncryptedKey: secret(RSA_KEY) }, [{ kmsKeySelfLink: KMS_KEY }]]) {
                assertPasses(await pack.check(policy, dk({ diskEncryptionKey })));
            }
            for (const diskEncryptionKey of [{ kmsKeyName: unknown }, { rawKey: secret(RAW_KEY) }, { rsaEncryptedKey: secret(RSA_KEY) }]) {
                assertPasses(await pack.check(policy, rdk({ diskEncryptionKey })));
            }
        });
        it("rejects a boot disk created from an image with Google's default key", async () => {
            assertViolates(
                await pack.check(policy, vm({ bootDisk: { initializeParams: { image: "debian-cloud/debian-12" } } })),
                /bootDisk sets no kmsKeySelfLink, diskEncryptionKeyRaw or diskEncryptionKeyRsa, so the disk is encrypted with a Google-managed key/,
                /Fix: set bootDisk\.kmsKeySelfLink to the id of a gcp\.kms\.CryptoKey/,
                /HIPAA §164\.312\(a\)\(2\)\(iv\); HITRUST 1903\.06d1, 19141\.06c1, 0903\.10f1/,
            );
            assertViolates(await pack.check(policy, vm({ bootDisk: { initializeParams: {}, kmsKeySelfLink: "" } })), /bootDisk sets no kmsKeySelfLink/);
            assertViolates(await pack.check(policy, vm({ bootDisk: undefined })), /bootDisk is not set/);
        });
        it("leaves disks attached by source to their own resource", async () => {
            assertPasses(await pack.check(policy, vm({ bootDisk: { source: "phi-boot" } })));
            assertPasses(await pack.check(policy, vm({ bootDisk: { source: unknown } })));
            assertPasses(await pack.check(policy, vm({ attachedDisks: [{ source: "unencrypted-looking" }, { source: unknown }] })));
        });
        it("rejects standalone disks without a key, naming each type's key field", async () => {
            assertViolates(await pack.check(policy, dk({ diskEncryptionKey: undefined })), /diskEncryptionKey is not set, so the disk is encrypted with a Google-managed key/, /Fix: set diskEncryptionKey\.kmsKeySelfLink/);
            assertViolates(await pack.check(policy, dk({ diskEncryptionKey: { kmsKeyServiceAccount: APP_SA } })), /diskEncryptionKey sets no kmsKeySelfLink, rawKey or rsaEncryptedKey/);
            assertViolates(await pack.check(policy, rdk({ diskEncryptionKey: {} })), /diskEncryptionKey sets no kmsKeyName, rawKey or rsaEncryptedKey/, /Fix: set diskEncryptionKey\.kmsKeyName/);
            // A regional disk has no kmsKeySelfLink field: the provider would not use it.
            assertViolates(await pack.check(policy, rdk({ diskEncryptionKey: { kmsKeySelfLink: KMS_KEY } })), /sets no kmsKeyName/);
        });
        it("checks every disk a template creates, skipping Local SSDs and existing disks", async () => {
            for (const t of [tp, rtp]) {
                const v = await pack.check(policy, t({ disks: [...compliantTemplate.disks, { sourceImage: "debian-cloud/debian-12", diskType: "pd-ssd" }] }));
                assertViolates(v, /disks\[3\]\.diskEncryptionKey is not set, so the disk is encrypted with a Google-managed key/, /Fix: set disks\[3\]\.diskEncryptionKey\.kmsKeySelfLink/);
            }
            const two = await pack.check(policy, tp({ disks: [{ sourceImage: "img" }, { sourceImage: "img", diskEncryptionKey: {} }] }));
            assert.strictEqual(two.violations.length, 2);
            assertPasses(await pack.check(policy, tp({ disks: [{ diskType: "LOCAL-SSD" }, { type: "scratch" }, { source: unknown }] })));
            // Templates cannot carry customer-supplied keys: a raw key there is not a key the provider uses.
            assertViolates(await pack.check(policy, tp({ disks: [{ sourceImage: "img", diskEncryptionKey: { rawKey: secret(RAW_KEY) } }] })), /sets no kmsKeySelfLink/);
        });
        it("is undecided on unknown blocks, list elements, and a disk type that decides whether it is a Local SSD", async () => {
            assertUndecided(await pack.check(policy, vm({ bootDisk: unknown })), "bootDisk");
            assertUndecided(await pack.check(policy, dk({ diskEncryptionKey: unknown })), "diskEncryptionKey");
            assertUndecided(await pack.check(policy, tp({ disks: unknown })), "disks");
            assertUndecided(await pack.check(policy, tp({ disks: [compliantTemplate.disks[0], unknown] })), "disks[1]");
            assertUndecided(await pack.check(policy, tp({ disks: [{ sourceImage: "img", type: unknown }] })), "disks[0].type");
            assertPasses(await pack.check(policy, tp({ disks: [{ type: unknown, diskEncryptionKey: { kmsKeySelfLink: KMS_KEY } }] })));
        });
        it("never describes key material, even of the wrong type", async () => {
            const v = await pack.check(policy, vm({ bootDisk: { initializeParams: {}, diskEncryptionKeyRaw: 1234567890 } }));
            assertViolates(v, /bootDisk\.diskEncryptionKeyRaw is not a string/);
            assert.ok(!v.violations[0].includes("1234567890"));
            assertViolates(await pack.check(policy, dk({ diskEncryptionKey: { kmsKeySelfLink: 42 } })), /diskEncryptionKey\.kmsKeySelfLink is 42, not a string/);
            assertViolates(await pack.check(policy, dk({ diskEncryptionKey: "key" })), /diskEncryptionKey is a string, not a block/);
        });
    });

    describe("gcp-compute-shielded-vm", () => {
        const policy = "gcp-compute-shielded-vm";
        it("requires Secure Boot, which is off by default, and accepts vTPM and integrity monitoring left to their default (on)", async () => {
            for (const resource of vms({ shieldedInstanceConfig: { enableSecureBoot: true } })) assertPasses(await pack.check(policy, resource));
            for (const resource of vms({ shieldedInstanceConfig: undefined })) {
                assertViolates(await pack.check(policy, resource), /shieldedInstanceConfig\.enableSecureBoot is not set and defaults to false/, /Fix: set shieldedInstanceConfig\.enableSecureBoot: true/, /HIPAA §164\.312\(c\)\(1\), §164\.308\(a\)\(5\)\(ii\)\(B\); HITRUST 09\.j/);
            }
            assertViolates(await pack.check(policy, vm({ shieldedInstanceConfig: { enableVtpm: true } })), /enableSecureBoot is not set/);
        });
        it("rejects each feature turned off", async () => {
            assertViolates(await pack.check(policy, vm({ shieldedInstanceConfig: { ...shielded, enableSecureBoot: false } })), /shieldedInstanceConfig\.enableSecureBoot is false/);
            assertViolates(await pack.check(policy, vm({ shieldedInstanceConfig: { ...shielded, enableVtpm: false } })), /shieldedInstanceConfig\.enableVtpm is false/);
            assertViolates(await pack.check(policy, tp({ shieldedInstanceConfig: { ...shielded, enableIntegrityMonitoring: false } })), /shieldedInstanceConfig\.enableIntegrityMonitoring is false/);
            const all = await pack.check(policy, vm({ shieldedInstanceConfig: { enableSecureBoot: false, enableVtpm: false, enableIntegrityMonitoring: false } }));
            assert.strictEqual(all.violations.length, 3);
        });
        it("is undecided on unknowns and rejects garbage", async () => {
            assertUndecided(await pack.check(policy, vm({ shieldedInstanceConfig: unknown })), "shieldedInstanceConfig");
            assertUndecided(await pack.check(policy, vm({ shieldedInstanceConfig: { ...shielded, enableSecureBoot: unknown } })), "shieldedInstanceConfig.enableSecureBoot");
            assertViolates(await pack.check(policy, vm({ shieldedInstanceConfig: { ...shielded, enableSecureBoot: "true" } })), /enableSecureBoot is a string, not the boolean true/);
            assertViolates(await pack.check(policy, vm({ shieldedInstanceConfig: "on" })), /shieldedInstanceConfig is a string, not a block/);
            assertPasses(await pack.check(policy, vm({ shieldedInstanceConfig: [shielded] })));
        });
    });

    describe("gcp-compute-os-login", () => {
        const policy = "gcp-compute-os-login";
        it("accepts every spelling Compute Engine reads as true", async () => {
            for (const value of ["TRUE", "true", "True", "1", "t", "T"]) {
                assertPasses(await pack.check(policy, vm({ metadata: { "enable-oslogin": value, "block-project-ssh-keys": value } })));
            }
            assertPasses(await pack.check(policy, vm({ metadata: { "ENABLE-OSLOGIN": "TRUE", "Block-Project-SSH-Keys": "1" } })));
        });
        it("requires enable-oslogin and block-project-ssh-keys on instances and templates", async () => {
            for (const resource of vms({ metadata: { "block-project-ssh-keys": "TRUE" } })) {
                assertViolates(await pack.check(policy, resource), /metadata\["enable-oslogin"\] is not set, so SSH access uses metadata keys instead of OS Login/, /Fix: set metadata\["enable-oslogin"\]: "TRUE"/, /HIPAA §164\.312\(d\)/, /HITRUST 01\.q/);
            }
            assertViolates(await pack.check(policy, vm({ metadata: { "enable-oslogin": "TRUE" } })), /metadata\["block-project-ssh-keys"\] is not set, so project-wide SSH keys can log in/);
            const none = await pack.check(policy, vm({ metadata: undefined }));
            assert.strictEqual(none.violations.length, 2);
        });
        it("rejects false and values Compute Engine does not read as true, without echoing them", async () => {
            for (const value of ["FALSE", "0", "f"]) {
                assertViolates(await pack.check(policy, vm({ metadata: { ...metadata, "enable-oslogin": value } })), /metadata\["enable-oslogin"\] is false/);
            }
            for (const value of ["yes", "tRuE", " TRUE", "enabled-SECRET"]) {
                const v = await pack.check(policy, vm({ metadata: { ...metadata, "enable-oslogin": value } }));
                assertViolates(v, /metadata\["enable-oslogin"\] is not a value Compute Engine reads as true/);
                assert.ok(!v.violations[0].includes("SECRET"));
            }
            // Two spellings of the key: both must enable it.
            assertViolates(await pack.check(policy, vm({ metadata: { ...metadata, "ENABLE-OSLOGIN": "FALSE" } })), /enable-oslogin"\] is false/);
        });
        it("accepts booleans and numbers written where the provider expects strings", async () => {
            assertPasses(await pack.check(policy, vm({ metadata: { "enable-oslogin": true, "block-project-ssh-keys": 1 } })));
        });
        it("with osLoginEnforcedByProject accepts an instance that leaves enable-oslogin to the project, but not one that turns it off", async () => {
            const config = { [policy]: { osLoginEnforcedByProject: true } };
            assertPasses(await pack.check(policy, vm({ metadata: { "block-project-ssh-keys": "TRUE" } }), config));
            assertViolates(await pack.check(policy, vm({ metadata: { ...metadata, "enable-oslogin": "FALSE" } }), config), /is false/);
            assertViolates(await pack.check(policy, vm({ metadata: {} }), config), /block-project-ssh-keys"\] is not set/);
            assertViolates(await pack.check(policy, vm({}), { [policy]: { osLoginEnforcedByProject: "yes" } }), /osLoginEnforcedByProject must be true or false/, /misconfigured/);
        });
        it("is undecided on unknown metadata and rejects metadata that is not a map", async () => {
            assertUndecided(await pack.check(policy, vm({ metadata: unknown })), "metadata");
            assertUndecided(await pack.check(policy, vm({ metadata: { ...metadata, "enable-oslogin": unknown } })), 'metadata["enable-oslogin"]');
            assertViolates(await pack.check(policy, vm({ metadata: ["enable-oslogin=TRUE"] })), /metadata is a list, not a map of strings/);
            assertViolates(await pack.check(policy, vm({ metadata: { ...metadata, "enable-oslogin": ["TRUE"] } })), /is not a value Compute Engine reads as true/);
        });
    });

    describe("gcp-compute-serial-port", () => {
        const policy = "gcp-compute-serial-port";
        it("accepts serial-port-enable omitted or false", async () => {
            for (const value of [undefined, "FALSE", "false", "0", false]) {
                for (const resource of vms({ metadata: { ...metadata, "serial-port-enable": value } })) assertPasses(await pack.check(policy, resource));
            }
            assertPasses(await pack.check(policy, vm({ metadata: undefined })));
        });
        it("rejects serial-port-enable true in any spelling, and any value it cannot read as false", async () => {
            for (const value of ["TRUE", "true", "1", "T", true, 1]) {
                for (const resource of vms({ metadata: { ...metadata, "serial-port-enable": value } })) {
                    assertViolates(await pack.check(policy, resource), /metadata\["serial-port-enable"\] is true, so the interactive serial console accepts connections/, /Fix: remove metadata\["serial-port-enable"\] or set it to "FALSE"/, /HITRUST 01\.l/);
                }
            }
            assertViolates(await pack.check(policy, vm({ metadata: { "SERIAL-PORT-ENABLE": "TRUE" } })), /is true/);
            const v = await pack.check(policy, vm({ metadata: { "serial-port-enable": "on-SECRET" } }));
            assertViolates(v, /is not a value Compute Engine reads as false/);
            assert.ok(!v.violations[0].includes("SECRET"));
        });
        it("is undecided on unknown metadata and rejects metadata that is not a map", async () => {
            assertUndecided(await pack.check(policy, vm({ metadata: unknown })), "metadata");
            assertUndecided(await pack.check(policy, vm({ metadata: { "serial-port-enable": unknown } })), 'metadata["serial-port-enable"]');
            assertViolates(await pack.check(policy, vm({ metadata: 5 })), /metadata is 5, not a map of strings/);
        });
    });

    describe("gcp-compute-public-ip", () => {
        const policy = "gcp-compute-public-ip";
        it("rejects an external IPv4 address, even an empty access config", async () => {
            for (const accessConfigs of [[{}], [{ natIp: "203.0.113.7" }], [{ networkTier: "PREMIUM" }], [unknown]]) {
                for (const resource of vms({ networkInterfaces: [{ subnetwork: "s", accessConfigs }] })) {
                    assertViolates(await pack.check(policy, resource), /networkInterfaces\[0\]\.accessConfigs gives the VM an external IPv4 address/, /Fix: remove networkInterfaces\[0\]\.accessConfigs/, /HIPAA §164\.312\(a\)\(1\); HITRUST 0805\.01m1/);
                }
            }
        });
        it("rejects an external IPv6 address, on any interface", async () => {
            assertViolates(await pack.check(policy, vm({ networkInterfaces: [{ subnetwork: "a" }, { subnetwork: "b", stackType: "IPV4_IPV6", ipv6AccessConfigs: [{ networkTier: "PREMIUM" }] }] })), /networkInterfaces\[1\]\.ipv6AccessConfigs gives the VM an external IPv6 address/);
            const both = await pack.check(policy, vm({ networkInterfaces: [{ accessConfigs: [{}], ipv6AccessConfigs: [{}] }] }));
            assert.strictEqual(both.violations.length, 2);
        });
        it("accepts empty access config lists, null entries and templates without interfaces", async () => {
            assertPasses(await pack.check(policy, vm({ networkInterfaces: [{ subnetwork: "s", accessConfigs: [], ipv6AccessConfigs: [null] }] })));
            assertPasses(await pack.check(policy, tp({ networkInterfaces: undefined })));
        });
        it("is undecided on unknown interfaces or lists, and rejects garbage", async () => {
            assertUndecided(await pack.check(policy, vm({ networkInterfaces: unknown })), "networkInterfaces");
            assertUndecided(await pack.check(policy, vm({ networkInterfaces: [unknown] })), "networkInterfaces[0]");
            assertUndecided(await pack.check(policy, vm({ networkInterfaces: [{ accessConfigs: unknown }] })), "networkInterfaces[0].accessConfigs");
            assertViolates(await pack.check(policy, vm({ networkInterfaces: [{ accessConfigs: "none" }] })), /networkInterfaces\[0\]\.accessConfigs is a string, not a list/);
            assertViolates(await pack.check(policy, vm({ networkInterfaces: { subnetwork: "s" } })), /networkInterfaces is an object, not a list/);
        });
    });

    describe("gcp-compute-service-account", () => {
        const policy = "gcp-compute-service-account";
        it("rejects the default account with the cloud-platform scope, however it is named", async () => {
            for (const email of [DEFAULT_SA, DEFAULT_SA.toUpperCase(), "default", undefined, ""]) {
                for (const scopes of [["cloud-platform"], ["https://www.googleapis.com/auth/cloud-platform"], ["userinfo-email", "CLOUD-PLATFORM"]]) {
                    for (const resource of vms({ serviceAccount: { email, scopes } })) {
                        const v = await pack.check(policy, resource);
                        assertViolates(v, /runs as the default Compute Engine service account with the cloud-platform scope/, /Fix: set serviceAccount\.email to a dedicated least-privilege gcp\.serviceaccount\.Account/, /HITRUST 01\.c/);
                        assert.ok(!v.violations[0].includes("123456789012"));
                    }
                }
            }
        });
        it("accepts a dedicated account with any scopes, the default account with narrow scopes, and no service account", async () => {
            assertPasses(await pack.check(policy, vm({ serviceAccount: { email: APP_SA, scopes: ["cloud-platform"] } })));
            assertPasses(await pack.check(policy, vm({ serviceAccount: { email: DEFAULT_SA, scopes: ["logging-write", "monitoring-write"] } })));
            assertPasses(await pack.check(policy, vm({ serviceAccount: { email: "default", scopes: [] } })));
            assertPasses(await pack.check(policy, vm({ serviceAccount: undefined })));
            assertPasses(await pack.check(policy, vm({ serviceAccount: { email: unknown, scopes: ["logging-write"] } })));
            assertPasses(await pack.check(policy, vm({ serviceAccount: { email: "7-compute@developer.gserviceaccount.com.evil.example", scopes: ["cloud-platform"] } })));
        });
        it("with forbidDefaultServiceAccount rejects the default account with any scopes", async () => {
            const config = { [policy]: { forbidDefaultServiceAccount: true } };
            assertViolates(await pack.check(policy, vm({ serviceAccount: { email: DEFAULT_SA, scopes: ["logging-write"] } }), config), /runs as the default Compute Engine service account/);
            assertPasses(await pack.check(policy, vm({}), config));
            assertViolates(await pack.check(policy, vm({}), { [policy]: { forbidDefaultServiceAccount: 1 } }), /forbidDefaultServiceAccount must be true or false/);
        });
        it("is undecided only when an unknown value decides it", async () => {
            assertUndecided(await pack.check(policy, vm({ serviceAccount: { email: unknown, scopes: ["cloud-platform"] } })), "serviceAccount.email");
            assertUndecided(await pack.check(policy, vm({ serviceAccount: { email: "default", scopes: unknown } })), "serviceAccount.scopes");
            assertUndecided(await pack.check(policy, vm({ serviceAccount: { scopes: ["logging-write", unknown] } })), "serviceAccount.scopes");
            assertUndecided(await pack.check(policy, vm({ serviceAccount: unknown })), "serviceAccount");
        });
        it("rejects garbage without echoing it", async () => {
            assertViolates(await pack.check(policy, vm({ serviceAccount: { email: 42, scopes: ["cloud-platform"] } })), /serviceAccount\.email is 42, not a string/);
            assertViolates(await pack.check(policy, vm({ serviceAccount: { scopes: "cloud-platform" } })), /serviceAccount\.scopes is a string, not a list/);
            assertViolates(await pack.check(policy, vm({ serviceAccount: "default" })), /serviceAccount is a string, not a block/);
            assertViolates(await pack.check(policy, vm({ serviceAccount: [{ scopes: ["cloud-platform"] }] })), /default Compute Engine service account/);
        });
    });

    describe("gcp-compute-ip-forwarding", () => {
        const policy = "gcp-compute-ip-forwarding";
        it("accepts canIpForward omitted (default false) or false and rejects true", async () => {
            for (const resource of vms({ canIpForward: undefined })) assertPasses(await pack.check(policy, resource));
            for (const resource of vms({ canIpForward: true })) {
                assertViolates(await pack.check(policy, resource), /canIpForward is true/, /Fix: remove canIpForward or set canIpForward: false/, /HITRUST 0805\.01m1/);
            }
        });
        it("is undecided when unknown and rejects a non-boolean", async () => {
            assertUndecided(await pack.check(policy, vm({ canIpForward: unknown })), "canIpForward");
            assertViolates(await pack.check(policy, vm({ canIpForward: "false" })), /canIpForward is a string, not a boolean/);
        });
    });

    it("ignores resource types it does not govern", async () => {
        const result = await pack.analyze({ type: "gcp:compute/network:Network", name: "net", props: { autoCreateSubnetworks: true } });
        assert.deepStrictEqual(result.diagnostics.filter(d => d.policyName.startsWith("gcp-compute-")), []);
    });

    it("Compute Engine controls whose fix needs a person do not remediate, and say which decision", async () => {
        const bad = { bootDisk: { initializeParams: {} }, shieldedInstanceConfig: undefined, metadata: { "serial-port-enable": "TRUE" }, networkInterfaces: [{ accessConfigs: [{}] }], serviceAccount: { scopes: ["cloud-platform"] }, canIpForward: true };
        for (const policy of policies.filter(p => p !== "gcp-compute-shielded-vm" && p !== "gcp-compute-serial-port")) {
            const result = await pack.remediate(vm(bad), { [policy]: { enforcementLevel: "remediate" } });
            assert.deepStrictEqual(result.remediations.filter(r => r.policyName === policy), []);
            assert.match(result.notApplicable.find(n => n.policyName === policy)!.reason, /^no automatic remediation: .{20,}/);
        }
    });

    it("remediates vTPM and integrity monitoring, never Secure Boot, keeping the rest of the block", async () => {
        const policy = "gcp-compute-shielded-vm";
        const config = { [policy]: { enforcementLevel: "remediate" as const } };
        const result = await pack.remediate(vm({ shieldedInstanceConfig: { enableSecureBoot: false, enableVtpm: false, enableIntegrityMonitoring: unknown } }), config);
        const fixed = result.remediations.find(r => r.policyName === policy)!.properties!;
        assert.deepStrictEqual(fixed.shieldedInstanceConfig, { enableSecureBoot: false, enableVtpm: true, enableIntegrityMonitoring: UNKNOWN_SENTINEL });
        assert.deepStrictEqual((await pack.remediate(vm({}), config)).remediations, []);
        assert.deepStrictEqual((await pack.remediate(vm({ shieldedInstanceConfig: unknown }), config)).remediations, []);
    });

    it("remediates the serial port by switching every true spelling off, keeping the rest of the metadata as it came", async () => {
        const policy = "gcp-compute-serial-port";
        const config = { [policy]: { enforcementLevel: "remediate" as const } };
        const SCRIPT = "#!/bin/sh\necho SECRET-startup-token";
        const result = await pack.remediate(vm({ metadata: { ...metadata, "serial-port-enable": "TRUE", "Serial-Port-Enable": "1", "startup-script": secret(SCRIPT), owner: unknown } }), config);
        const fixed = result.remediations.find(r => r.policyName === policy)!.properties!;
        assert.deepStrictEqual(fixed.metadata, {
            ...metadata, "serial-port-enable": "FALSE", "Serial-Port-Enable": "FALSE",
            "startup-script": encodeValue(secret(SCRIPT)), owner: UNKNOWN_SENTINEL,
        });
        for (const value of [unknown, "maybe", "FALSE"]) {
            assert.deepStrictEqual((await pack.remediate(vm({ metadata: { ...metadata, "serial-port-enable": value } }), config)).remediations, [], String(value));
        }
        assert.deepStrictEqual((await pack.remediate(vm({ metadata: secret({ "serial-port-enable": "TRUE" }) }), config)).remediations, []);
    });

    it("publishes its knob schema (the generic metadata is checked for every policy in tests/metadata.test.ts)", async () => {
        const osLogin = pack.info.policies.find(x => x.name === "gcp-compute-os-login")!;
        assert.deepStrictEqual(osLogin.configSchema?.properties.osLoginEnforcedByProject, {
            type: "boolean", default: false,
            description: "Accept an instance that does not set enable-oslogin itself, because OS Login is enabled project-wide (project metadata or constraints/compute.requireOsLogin).",
        });
    });
});
