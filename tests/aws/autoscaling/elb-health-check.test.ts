import { stackCases, stackGarbage, stackNotApplicable, stackPasses, stackUndecided, stackViolates } from "../../cases";
import { NET, res } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const tg = res(NET.targetGroup, "app", { port: 443, protocol: "HTTPS", vpcId: unknown, arn: unknown });
const group = (props: Record<string, unknown>, deps: Record<string, ReturnType<typeof res>[]> = {}) =>
    res(NET.group, "app", { maxSize: 4, minSize: 2, vpcZoneIdentifiers: [unknown, unknown], launchTemplate: { id: unknown, version: "$Latest" }, ...props }, deps);
const behind = { targetGroupArns: [unknown], healthCheckType: "ELB" };
const attachTo = (name: string, g: ReturnType<typeof res> | undefined, props: Record<string, unknown> = {}) =>
    res(NET.asgAttachment, name, { autoscalingGroupName: unknown, lbTargetGroupArn: unknown, ...props }, g ? { autoscalingGroupName: [g] } : {});

stackCases("aws-autoscaling-elb-health-check", [
    stackPasses([tg, group(behind, { targetGroupArns: [tg] })]),
    stackPasses([group({ loadBalancers: ["classic"], healthCheckType: "elb" })]),
    stackPasses([group({ trafficSources: [{ identifier: unknown, type: "elbv2" }], healthCheckType: "EC2,ELB" })]),
    stackViolates([tg, group({ targetGroupArns: [unknown] }, { targetGroupArns: [tg] })], [{ on: "app", code: "notAllowed", field: "healthCheckType" }]),
    stackViolates([group({ loadBalancers: ["classic"], healthCheckType: "EC2" })], [{ on: "app", code: "notAllowed", field: "healthCheckType" }]),
    // Attached by a resource of its own.
    stackViolates([group({}), attachTo("attach", group({}))], [{ on: "app", code: "notAllowed" }]),
    stackPasses([group({ healthCheckType: "ELB" }), attachTo("attach", group({}))]),
    stackViolates([group({ name: "app-asg" }), attachTo("attach", undefined, { autoscalingGroupName: "app-asg" })], [{ on: "app", code: "notAllowed" }]),
    // Not behind a load balancer: EC2 health checks are all there is.
    stackNotApplicable([group({})], /not behind a load balancer/),
    stackNotApplicable([group({ targetGroupArns: [], loadBalancers: [] })], /not behind a load balancer/),
    stackUndecided([group({ targetGroupArns: unknown })], [{ on: "app", fields: "targetGroupArns" }]),
    stackUndecided([group({}), attachTo("attach", undefined)], [{ on: "app", fields: "targetGroupArns" }]),
    stackUndecided([group({ targetGroupArns: ["arn"], healthCheckType: unknown })], [{ on: "app", fields: "healthCheckType" }]),
    stackViolates([group({ targetGroupArns: ["arn"], healthCheckType: 5 })], [{ on: "app", code: "wrongType", field: "healthCheckType" }]),
    stackNotApplicable([tg], /only applies to resources of type/),
    // Outputs-shaped: empty lists and the provider's "EC2".
    stackNotApplicable([res(NET.group, "app", { healthCheckType: "EC2", loadBalancers: [], targetGroupArns: [], trafficSources: [], name: "app-1", id: "app-1" })], /not behind a load balancer/),
    stackViolates([res(NET.group, "app", { healthCheckType: "EC2", loadBalancers: [], targetGroupArns: ["arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/app/1"], trafficSources: [], name: "app-1" })], [{ on: "app", code: "notAllowed" }]),
    stackPasses([res(NET.group, "app", { healthCheckType: "ELB", loadBalancers: [], targetGroupArns: ["arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/app/1"], trafficSources: [], name: "app-1" })]),
    stackGarbage([group({ targetGroupArns: secret("SECRET"), healthCheckType: { SECRET: 1 } }), attachTo("a", undefined, { autoscalingGroupName: ["SECRET"] })]),
]);
