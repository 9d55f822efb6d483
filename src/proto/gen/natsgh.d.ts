import * as $protobuf from "protobufjs";
import Long = require("long");

export namespace natsgh {

    namespace v1 {

        enum PhaseStatus {
            PHASE_STATUS_UNSPECIFIED = 0,
            PHASE_STATUS_PENDING = 1,
            PHASE_STATUS_RUNNING = 2,
            PHASE_STATUS_DONE = 3,
            PHASE_STATUS_FAILED = 4,
            PHASE_STATUS_INTERRUPTED = 5
        }

        interface IPhaseCheckpoint extends natsgh.v1.PhaseCheckpoint.$Properties {
        }

        class PhaseCheckpoint {
            constructor(p?: natsgh.v1.PhaseCheckpoint.$Properties);
            $unknowns?: Uint8Array[];
            deployment: string;
            phase_id: string;
            status: natsgh.v1.PhaseStatus;
            input_hash: string;
            outputs: { [k: string]: string };
            run_id: string;
            started_unix_ms: number;
            finished_unix_ms: number;
            cli_version: string;
            error: string;
            host: string;
            static create(properties: natsgh.v1.PhaseCheckpoint.$Shape): natsgh.v1.PhaseCheckpoint & natsgh.v1.PhaseCheckpoint.$Shape;
            static create(properties?: natsgh.v1.PhaseCheckpoint.$Properties): natsgh.v1.PhaseCheckpoint;
            static encode(m: natsgh.v1.PhaseCheckpoint.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static encodeDelimited(message: natsgh.v1.PhaseCheckpoint.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): natsgh.v1.PhaseCheckpoint & natsgh.v1.PhaseCheckpoint.$Shape;
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): natsgh.v1.PhaseCheckpoint & natsgh.v1.PhaseCheckpoint.$Shape;
            static verify(m: { [k: string]: any }): (string|null);
            static fromObject(d: { [k: string]: any }): natsgh.v1.PhaseCheckpoint;
            static toObject(m: natsgh.v1.PhaseCheckpoint, o?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace PhaseCheckpoint {
            interface $Properties {
                deployment?: (string|null);
                phase_id?: (string|null);
                status?: (natsgh.v1.PhaseStatus|null);
                input_hash?: (string|null);
                outputs?: ({ [k: string]: string }|null);
                run_id?: (string|null);
                started_unix_ms?: (number|null);
                finished_unix_ms?: (number|null);
                cli_version?: (string|null);
                error?: (string|null);
                host?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = natsgh.v1.PhaseCheckpoint.$Properties;
        }

        interface IEnvelope extends natsgh.v1.Envelope.$Properties {
        }

        class Envelope {
            constructor(p?: natsgh.v1.Envelope.$Properties);
            $unknowns?: Uint8Array[];
            schema_version: number;
            id: string;
            time_unix_ms: number;
            source: string;
            payload_type: string;
            payload: Uint8Array;
            deployment: string;
            static create(properties: natsgh.v1.Envelope.$Shape): natsgh.v1.Envelope & natsgh.v1.Envelope.$Shape;
            static create(properties?: natsgh.v1.Envelope.$Properties): natsgh.v1.Envelope;
            static encode(m: natsgh.v1.Envelope.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static encodeDelimited(message: natsgh.v1.Envelope.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): natsgh.v1.Envelope & natsgh.v1.Envelope.$Shape;
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): natsgh.v1.Envelope & natsgh.v1.Envelope.$Shape;
            static verify(m: { [k: string]: any }): (string|null);
            static fromObject(d: { [k: string]: any }): natsgh.v1.Envelope;
            static toObject(m: natsgh.v1.Envelope, o?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Envelope {
            interface $Properties {
                schema_version?: (number|null);
                id?: (string|null);
                time_unix_ms?: (number|null);
                source?: (string|null);
                payload_type?: (string|null);
                payload?: (Uint8Array|null);
                deployment?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = natsgh.v1.Envelope.$Properties;
        }

        interface INatsServer extends natsgh.v1.NatsServer.$Properties {
        }

        class NatsServer {
            constructor(p?: natsgh.v1.NatsServer.$Properties);
            $unknowns?: Uint8Array[];
            name: string;
            version: string;
            jetstream: boolean;
            static create(properties: natsgh.v1.NatsServer.$Shape): natsgh.v1.NatsServer & natsgh.v1.NatsServer.$Shape;
            static create(properties?: natsgh.v1.NatsServer.$Properties): natsgh.v1.NatsServer;
            static encode(m: natsgh.v1.NatsServer.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static encodeDelimited(message: natsgh.v1.NatsServer.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): natsgh.v1.NatsServer & natsgh.v1.NatsServer.$Shape;
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): natsgh.v1.NatsServer & natsgh.v1.NatsServer.$Shape;
            static verify(m: { [k: string]: any }): (string|null);
            static fromObject(d: { [k: string]: any }): natsgh.v1.NatsServer;
            static toObject(m: natsgh.v1.NatsServer, o?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace NatsServer {
            interface $Properties {
                name?: (string|null);
                version?: (string|null);
                jetstream?: (boolean|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = natsgh.v1.NatsServer.$Properties;
        }

        enum DeploymentChange {
            DEPLOYMENT_CHANGE_UNSPECIFIED = 0,
            DEPLOYMENT_CHANGE_PROVISIONED = 1,
            DEPLOYMENT_CHANGE_VERIFIED = 2,
            DEPLOYMENT_CHANGE_UPDATED = 3,
            DEPLOYMENT_CHANGE_TORN_DOWN = 4
        }

        interface INatsDeploymentEvent extends natsgh.v1.NatsDeploymentEvent.$Properties {
        }

        class NatsDeploymentEvent {
            constructor(p?: natsgh.v1.NatsDeploymentEvent.$Properties);
            $unknowns?: Uint8Array[];
            deployment: string;
            nats_type: string;
            mode: string;
            urls: string[];
            jetstream_domain: string;
            servers: natsgh.v1.NatsServer.$Properties[];
            cluster_size: number;
            tls: boolean;
            run_id: string;
            change: natsgh.v1.DeploymentChange;
            static create(properties: natsgh.v1.NatsDeploymentEvent.$Shape): natsgh.v1.NatsDeploymentEvent & natsgh.v1.NatsDeploymentEvent.$Shape;
            static create(properties?: natsgh.v1.NatsDeploymentEvent.$Properties): natsgh.v1.NatsDeploymentEvent;
            static encode(m: natsgh.v1.NatsDeploymentEvent.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static encodeDelimited(message: natsgh.v1.NatsDeploymentEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): natsgh.v1.NatsDeploymentEvent & natsgh.v1.NatsDeploymentEvent.$Shape;
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): natsgh.v1.NatsDeploymentEvent & natsgh.v1.NatsDeploymentEvent.$Shape;
            static verify(m: { [k: string]: any }): (string|null);
            static fromObject(d: { [k: string]: any }): natsgh.v1.NatsDeploymentEvent;
            static toObject(m: natsgh.v1.NatsDeploymentEvent, o?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace NatsDeploymentEvent {
            interface $Properties {
                deployment?: (string|null);
                nats_type?: (string|null);
                mode?: (string|null);
                urls?: (string[]|null);
                jetstream_domain?: (string|null);
                servers?: (natsgh.v1.NatsServer.$Properties[]|null);
                cluster_size?: (number|null);
                tls?: (boolean|null);
                run_id?: (string|null);
                change?: (natsgh.v1.DeploymentChange|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = natsgh.v1.NatsDeploymentEvent.$Properties;
        }

        interface ISynadiaCloudConfig extends natsgh.v1.SynadiaCloudConfig.$Properties {
        }

        class SynadiaCloudConfig {
            constructor(p?: natsgh.v1.SynadiaCloudConfig.$Properties);
            $unknowns?: Uint8Array[];
            deployment: string;
            url: string;
            account_public_key: string;
            user_public_key: string;
            creds_fingerprint: string;
            expires_unix_s: number;
            jetstream_domain: string;
            run_id: string;
            static create(properties: natsgh.v1.SynadiaCloudConfig.$Shape): natsgh.v1.SynadiaCloudConfig & natsgh.v1.SynadiaCloudConfig.$Shape;
            static create(properties?: natsgh.v1.SynadiaCloudConfig.$Properties): natsgh.v1.SynadiaCloudConfig;
            static encode(m: natsgh.v1.SynadiaCloudConfig.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static encodeDelimited(message: natsgh.v1.SynadiaCloudConfig.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): natsgh.v1.SynadiaCloudConfig & natsgh.v1.SynadiaCloudConfig.$Shape;
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): natsgh.v1.SynadiaCloudConfig & natsgh.v1.SynadiaCloudConfig.$Shape;
            static verify(m: { [k: string]: any }): (string|null);
            static fromObject(d: { [k: string]: any }): natsgh.v1.SynadiaCloudConfig;
            static toObject(m: natsgh.v1.SynadiaCloudConfig, o?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace SynadiaCloudConfig {
            interface $Properties {
                deployment?: (string|null);
                url?: (string|null);
                account_public_key?: (string|null);
                user_public_key?: (string|null);
                creds_fingerprint?: (string|null);
                expires_unix_s?: (number|null);
                jetstream_domain?: (string|null);
                run_id?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = natsgh.v1.SynadiaCloudConfig.$Properties;
        }

        enum ClusterChange {
            CLUSTER_CHANGE_UNSPECIFIED = 0,
            CLUSTER_CHANGE_NODE_JOINED = 1,
            CLUSTER_CHANGE_NODE_LEFT = 2,
            CLUSTER_CHANGE_NODE_RESTARTED = 3,
            CLUSTER_CHANGE_SCALED = 4,
            CLUSTER_CHANGE_META_LEADER = 5
        }

        interface IClusterEvent extends natsgh.v1.ClusterEvent.$Properties {
        }

        class ClusterEvent {
            constructor(p?: natsgh.v1.ClusterEvent.$Properties);
            $unknowns?: Uint8Array[];
            deployment: string;
            change: natsgh.v1.ClusterChange;
            node: string;
            size_before: number;
            size_after: number;
            meta_leader: string;
            cluster_name: string;
            run_id: string;
            static create(properties: natsgh.v1.ClusterEvent.$Shape): natsgh.v1.ClusterEvent & natsgh.v1.ClusterEvent.$Shape;
            static create(properties?: natsgh.v1.ClusterEvent.$Properties): natsgh.v1.ClusterEvent;
            static encode(m: natsgh.v1.ClusterEvent.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static encodeDelimited(message: natsgh.v1.ClusterEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): natsgh.v1.ClusterEvent & natsgh.v1.ClusterEvent.$Shape;
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): natsgh.v1.ClusterEvent & natsgh.v1.ClusterEvent.$Shape;
            static verify(m: { [k: string]: any }): (string|null);
            static fromObject(d: { [k: string]: any }): natsgh.v1.ClusterEvent;
            static toObject(m: natsgh.v1.ClusterEvent, o?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace ClusterEvent {
            interface $Properties {
                deployment?: (string|null);
                change?: (natsgh.v1.ClusterChange|null);
                node?: (string|null);
                size_before?: (number|null);
                size_after?: (number|null);
                meta_leader?: (string|null);
                cluster_name?: (string|null);
                run_id?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = natsgh.v1.ClusterEvent.$Properties;
        }

        interface ITerraformStateEvent extends natsgh.v1.TerraformStateEvent.$Properties {
        }

        class TerraformStateEvent {
            constructor(p?: natsgh.v1.TerraformStateEvent.$Properties);
            $unknowns?: Uint8Array[];
            deployment: string;
            workspace: string;
            serial: number;
            lineage: string;
            resource_count: number;
            outputs_digest: string;
            action: string;
            backend: string;
            terraform_version: string;
            run_id: string;
            static create(properties: natsgh.v1.TerraformStateEvent.$Shape): natsgh.v1.TerraformStateEvent & natsgh.v1.TerraformStateEvent.$Shape;
            static create(properties?: natsgh.v1.TerraformStateEvent.$Properties): natsgh.v1.TerraformStateEvent;
            static encode(m: natsgh.v1.TerraformStateEvent.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static encodeDelimited(message: natsgh.v1.TerraformStateEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): natsgh.v1.TerraformStateEvent & natsgh.v1.TerraformStateEvent.$Shape;
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): natsgh.v1.TerraformStateEvent & natsgh.v1.TerraformStateEvent.$Shape;
            static verify(m: { [k: string]: any }): (string|null);
            static fromObject(d: { [k: string]: any }): natsgh.v1.TerraformStateEvent;
            static toObject(m: natsgh.v1.TerraformStateEvent, o?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace TerraformStateEvent {
            interface $Properties {
                deployment?: (string|null);
                workspace?: (string|null);
                serial?: (number|null);
                lineage?: (string|null);
                resource_count?: (number|null);
                outputs_digest?: (string|null);
                action?: (string|null);
                backend?: (string|null);
                terraform_version?: (string|null);
                run_id?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = natsgh.v1.TerraformStateEvent.$Properties;
        }

        enum PhaseTransition {
            PHASE_TRANSITION_UNSPECIFIED = 0,
            PHASE_TRANSITION_STARTED = 1,
            PHASE_TRANSITION_DONE = 2,
            PHASE_TRANSITION_SKIPPED = 3,
            PHASE_TRANSITION_FAILED = 4,
            PHASE_TRANSITION_INTERRUPTED = 5
        }

        interface IPhaseEvent extends natsgh.v1.PhaseEvent.$Properties {
        }

        class PhaseEvent {
            constructor(p?: natsgh.v1.PhaseEvent.$Properties);
            $unknowns?: Uint8Array[];
            deployment: string;
            run_id: string;
            phase_id: string;
            transition: natsgh.v1.PhaseTransition;
            duration_ms: number;
            reason: string;
            static create(properties: natsgh.v1.PhaseEvent.$Shape): natsgh.v1.PhaseEvent & natsgh.v1.PhaseEvent.$Shape;
            static create(properties?: natsgh.v1.PhaseEvent.$Properties): natsgh.v1.PhaseEvent;
            static encode(m: natsgh.v1.PhaseEvent.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static encodeDelimited(message: natsgh.v1.PhaseEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): natsgh.v1.PhaseEvent & natsgh.v1.PhaseEvent.$Shape;
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): natsgh.v1.PhaseEvent & natsgh.v1.PhaseEvent.$Shape;
            static verify(m: { [k: string]: any }): (string|null);
            static fromObject(d: { [k: string]: any }): natsgh.v1.PhaseEvent;
            static toObject(m: natsgh.v1.PhaseEvent, o?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace PhaseEvent {
            interface $Properties {
                deployment?: (string|null);
                run_id?: (string|null);
                phase_id?: (string|null);
                transition?: (natsgh.v1.PhaseTransition|null);
                duration_ms?: (number|null);
                reason?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = natsgh.v1.PhaseEvent.$Properties;
        }

        interface IGeneratedFile extends natsgh.v1.GeneratedFile.$Properties {
        }

        class GeneratedFile {
            constructor(p?: natsgh.v1.GeneratedFile.$Properties);
            $unknowns?: Uint8Array[];
            path: string;
            blob_sha: string;
            static create(properties: natsgh.v1.GeneratedFile.$Shape): natsgh.v1.GeneratedFile & natsgh.v1.GeneratedFile.$Shape;
            static create(properties?: natsgh.v1.GeneratedFile.$Properties): natsgh.v1.GeneratedFile;
            static encode(m: natsgh.v1.GeneratedFile.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static encodeDelimited(message: natsgh.v1.GeneratedFile.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): natsgh.v1.GeneratedFile & natsgh.v1.GeneratedFile.$Shape;
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): natsgh.v1.GeneratedFile & natsgh.v1.GeneratedFile.$Shape;
            static verify(m: { [k: string]: any }): (string|null);
            static fromObject(d: { [k: string]: any }): natsgh.v1.GeneratedFile;
            static toObject(m: natsgh.v1.GeneratedFile, o?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace GeneratedFile {
            interface $Properties {
                path?: (string|null);
                blob_sha?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = natsgh.v1.GeneratedFile.$Properties;
        }

        interface IFilesGeneratedEvent extends natsgh.v1.FilesGeneratedEvent.$Properties {
        }

        class FilesGeneratedEvent {
            constructor(p?: natsgh.v1.FilesGeneratedEvent.$Properties);
            $unknowns?: Uint8Array[];
            deployment: string;
            repo: string;
            commit: string;
            files: natsgh.v1.GeneratedFile.$Properties[];
            render_hash: string;
            target: string;
            changed: boolean;
            run_id: string;
            static create(properties: natsgh.v1.FilesGeneratedEvent.$Shape): natsgh.v1.FilesGeneratedEvent & natsgh.v1.FilesGeneratedEvent.$Shape;
            static create(properties?: natsgh.v1.FilesGeneratedEvent.$Properties): natsgh.v1.FilesGeneratedEvent;
            static encode(m: natsgh.v1.FilesGeneratedEvent.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static encodeDelimited(message: natsgh.v1.FilesGeneratedEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): natsgh.v1.FilesGeneratedEvent & natsgh.v1.FilesGeneratedEvent.$Shape;
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): natsgh.v1.FilesGeneratedEvent & natsgh.v1.FilesGeneratedEvent.$Shape;
            static verify(m: { [k: string]: any }): (string|null);
            static fromObject(d: { [k: string]: any }): natsgh.v1.FilesGeneratedEvent;
            static toObject(m: natsgh.v1.FilesGeneratedEvent, o?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace FilesGeneratedEvent {
            interface $Properties {
                deployment?: (string|null);
                repo?: (string|null);
                commit?: (string|null);
                files?: (natsgh.v1.GeneratedFile.$Properties[]|null);
                render_hash?: (string|null);
                target?: (string|null);
                changed?: (boolean|null);
                run_id?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = natsgh.v1.FilesGeneratedEvent.$Properties;
        }

        interface IControllerHeartbeat extends natsgh.v1.ControllerHeartbeat.$Properties {
        }

        class ControllerHeartbeat {
            constructor(p?: natsgh.v1.ControllerHeartbeat.$Properties);
            $unknowns?: Uint8Array[];
            deployment: string;
            instance_id: string;
            host: string;
            pid: number;
            version: string;
            started_unix_ms: number;
            beat: number;
            events_processed: number;
            commits_made: number;
            pending: number;
            last_error: string;
            interval_ms: number;
            static create(properties: natsgh.v1.ControllerHeartbeat.$Shape): natsgh.v1.ControllerHeartbeat & natsgh.v1.ControllerHeartbeat.$Shape;
            static create(properties?: natsgh.v1.ControllerHeartbeat.$Properties): natsgh.v1.ControllerHeartbeat;
            static encode(m: natsgh.v1.ControllerHeartbeat.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static encodeDelimited(message: natsgh.v1.ControllerHeartbeat.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): natsgh.v1.ControllerHeartbeat & natsgh.v1.ControllerHeartbeat.$Shape;
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): natsgh.v1.ControllerHeartbeat & natsgh.v1.ControllerHeartbeat.$Shape;
            static verify(m: { [k: string]: any }): (string|null);
            static fromObject(d: { [k: string]: any }): natsgh.v1.ControllerHeartbeat;
            static toObject(m: natsgh.v1.ControllerHeartbeat, o?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace ControllerHeartbeat {
            interface $Properties {
                deployment?: (string|null);
                instance_id?: (string|null);
                host?: (string|null);
                pid?: (number|null);
                version?: (string|null);
                started_unix_ms?: (number|null);
                beat?: (number|null);
                events_processed?: (number|null);
                commits_made?: (number|null);
                pending?: (number|null);
                last_error?: (string|null);
                interval_ms?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = natsgh.v1.ControllerHeartbeat.$Properties;
        }
    }
}
