// Compute Engine controls: disks encrypted with keys the customer controls, Shielded VM, OS Login
// instead of metadata SSH keys, no interactive serial port, no external IP, no default service
// account with full API access, no IP forwarding; for VMs built from a template or machine image,
// the same controls on what they inherit (a stack policy).

import confidentialVm from "./confidential-vm";
import diskEncryption from "./disk-encryption";
import inheritedSettings from "./inherited-settings";
import ipForwarding from "./ip-forwarding";
import osLogin from "./os-login";
import publicIp from "./public-ip";
import serialPort from "./serial-port";
import serviceAccount from "./service-account";
import shieldedVm from "./shielded-vm";
import snapshotEncryption from "./snapshot-encryption";

export const policies = [diskEncryption, shieldedVm, osLogin, serialPort, publicIp, serviceAccount, ipForwarding, confidentialVm];

export const stackPolicies = [inheritedSettings, snapshotEncryption];
