// VPC networks and firewalls: no SSH, RDP or unauthorized ports open to the internet, firewall
// rule logging, subnet flow logs and Private Google Access, custom-mode networks only.

import authorizedPorts from "./authorized-ports";
import customModeNetwork from "./custom-mode-network";
import firewallLogging from "./firewall-logging";
import flowLogs from "./flow-logs";
import privateGoogleAccess from "./private-google-access";
import rdpRestricted from "./rdp-restricted";
import sshRestricted from "./ssh-restricted";

export const policies = [sshRestricted, rdpRestricted, authorizedPorts, firewallLogging, flowLogs, privateGoogleAccess, customModeNetwork];
