// GKE controls: private nodes and a guarded control plane, logging and monitoring, no legacy
// authorization or client certificates, least-privilege node identities (a dedicated service
// account, Workload Identity), Shielded nodes, customer-managed keys for Secrets and boot disks,
// network policy and VPC-native networking, nodes kept patched (auto-repair and auto-upgrade, a
// release channel, Container-Optimized OS), Binary Authorization, intranode visibility, location.

import autoRepairUpgrade from "./auto-repair-upgrade";
import binaryAuthorization from "./binary-authorization";
import bootDiskEncryption from "./boot-disk-encryption";
import clientCertificate from "./client-certificate";
import cosImage from "./cos-image";
import intranodeVisibility from "./intranode-visibility";
import legacyAbac from "./legacy-abac";
import location from "./location";
import loggingMonitoring from "./logging-monitoring";
import masterAuthorizedNetworks from "./master-authorized-networks";
import networkPolicy from "./network-policy";
import nodeServiceAccount from "./node-service-account";
import privateNodes from "./private-nodes";
import releaseChannel from "./release-channel";
import secretsEncryption from "./secrets-encryption";
import shieldedNodes from "./shielded-nodes";
import vpcNative from "./vpc-native";
import workloadIdentity from "./workload-identity";

export const policies = [
    privateNodes,
    masterAuthorizedNetworks,
    loggingMonitoring,
    legacyAbac,
    clientCertificate,
    nodeServiceAccount,
    shieldedNodes,
    workloadIdentity,
    secretsEncryption,
    bootDiskEncryption,
    networkPolicy,
    autoRepairUpgrade,
    releaseChannel,
    cosImage,
    binaryAuthorization,
    vpcNative,
    intranodeVisibility,
    location,
];
