/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $String = $util.global.String, $Number = $util.global.Number, $parseInt = $util.global.parseInt, $BigInt = $util.global.BigInt, $Array = $util.global.Array;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const natsgh = $root.natsgh = (() => {

    /**
     * Namespace natsgh.
     * @exports natsgh
     * @namespace
     */
    const natsgh = {};

    natsgh.v1 = (function() {

        /**
         * Namespace v1.
         * @memberof natsgh
         * @namespace
         */
        const v1 = {};

        /**
         * PhaseStatus enum.
         * @name natsgh.v1.PhaseStatus
         * @enum {number}
         * @property {number} PHASE_STATUS_UNSPECIFIED=0 PHASE_STATUS_UNSPECIFIED value
         * @property {number} PHASE_STATUS_PENDING=1 PHASE_STATUS_PENDING value
         * @property {number} PHASE_STATUS_RUNNING=2 PHASE_STATUS_RUNNING value
         * @property {number} PHASE_STATUS_DONE=3 PHASE_STATUS_DONE value
         * @property {number} PHASE_STATUS_FAILED=4 PHASE_STATUS_FAILED value
         * @property {number} PHASE_STATUS_INTERRUPTED=5 PHASE_STATUS_INTERRUPTED value
         */
        v1.PhaseStatus = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "PHASE_STATUS_UNSPECIFIED"] = 0;
            values[valuesById[1] = "PHASE_STATUS_PENDING"] = 1;
            values[valuesById[2] = "PHASE_STATUS_RUNNING"] = 2;
            values[valuesById[3] = "PHASE_STATUS_DONE"] = 3;
            values[valuesById[4] = "PHASE_STATUS_FAILED"] = 4;
            values[valuesById[5] = "PHASE_STATUS_INTERRUPTED"] = 5;
            return values;
        })();

        v1.PhaseCheckpoint = (function() {

            /**
             * Properties of a PhaseCheckpoint.
             * @typedef {Object} natsgh.v1.PhaseCheckpoint.$Properties
             * @property {string|null} [deployment] PhaseCheckpoint deployment
             * @property {string|null} [phase_id] PhaseCheckpoint phase_id
             * @property {natsgh.v1.PhaseStatus|null} [status] PhaseCheckpoint status
             * @property {string|null} [input_hash] PhaseCheckpoint input_hash
             * @property {Object.<string,string>|null} [outputs] PhaseCheckpoint outputs
             * @property {string|null} [run_id] PhaseCheckpoint run_id
             * @property {number|null} [started_unix_ms] PhaseCheckpoint started_unix_ms
             * @property {number|null} [finished_unix_ms] PhaseCheckpoint finished_unix_ms
             * @property {string|null} [cli_version] PhaseCheckpoint cli_version
             * @property {string|null} [error] PhaseCheckpoint error
             * @property {string|null} [host] PhaseCheckpoint host
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a PhaseCheckpoint.
             * @memberof natsgh.v1
             * @interface IPhaseCheckpoint
             * @augments natsgh.v1.PhaseCheckpoint.$Properties
             * @deprecated Use natsgh.v1.PhaseCheckpoint.$Properties instead.
             */

            /**
             * Shape of a PhaseCheckpoint.
             * @typedef {natsgh.v1.PhaseCheckpoint.$Properties} natsgh.v1.PhaseCheckpoint.$Shape
             */

            /**
             * Constructs a new PhaseCheckpoint.
             * @memberof natsgh.v1
             * @classdesc Represents a PhaseCheckpoint.
             * @constructor
             * @param {natsgh.v1.PhaseCheckpoint.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const PhaseCheckpoint = function (p) {
                this.outputs = {};
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * PhaseCheckpoint deployment.
             * @member {string} deployment
             * @memberof natsgh.v1.PhaseCheckpoint
             * @instance
             */
            PhaseCheckpoint.prototype.deployment = "";

            /**
             * PhaseCheckpoint phase_id.
             * @member {string} phase_id
             * @memberof natsgh.v1.PhaseCheckpoint
             * @instance
             */
            PhaseCheckpoint.prototype.phase_id = "";

            /**
             * PhaseCheckpoint status.
             * @member {natsgh.v1.PhaseStatus} status
             * @memberof natsgh.v1.PhaseCheckpoint
             * @instance
             */
            PhaseCheckpoint.prototype.status = 0;

            /**
             * PhaseCheckpoint input_hash.
             * @member {string} input_hash
             * @memberof natsgh.v1.PhaseCheckpoint
             * @instance
             */
            PhaseCheckpoint.prototype.input_hash = "";

            /**
             * PhaseCheckpoint outputs.
             * @member {Object.<string,string>} outputs
             * @memberof natsgh.v1.PhaseCheckpoint
             * @instance
             */
            PhaseCheckpoint.prototype.outputs = $util.emptyObject;

            /**
             * PhaseCheckpoint run_id.
             * @member {string} run_id
             * @memberof natsgh.v1.PhaseCheckpoint
             * @instance
             */
            PhaseCheckpoint.prototype.run_id = "";

            /**
             * PhaseCheckpoint started_unix_ms.
             * @member {number} started_unix_ms
             * @memberof natsgh.v1.PhaseCheckpoint
             * @instance
             */
            PhaseCheckpoint.prototype.started_unix_ms = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * PhaseCheckpoint finished_unix_ms.
             * @member {number} finished_unix_ms
             * @memberof natsgh.v1.PhaseCheckpoint
             * @instance
             */
            PhaseCheckpoint.prototype.finished_unix_ms = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * PhaseCheckpoint cli_version.
             * @member {string} cli_version
             * @memberof natsgh.v1.PhaseCheckpoint
             * @instance
             */
            PhaseCheckpoint.prototype.cli_version = "";

            /**
             * PhaseCheckpoint error.
             * @member {string} error
             * @memberof natsgh.v1.PhaseCheckpoint
             * @instance
             */
            PhaseCheckpoint.prototype.error = "";

            /**
             * PhaseCheckpoint host.
             * @member {string} host
             * @memberof natsgh.v1.PhaseCheckpoint
             * @instance
             */
            PhaseCheckpoint.prototype.host = "";

            /**
             * Creates a new PhaseCheckpoint instance using the specified properties.
             * @function create
             * @memberof natsgh.v1.PhaseCheckpoint
             * @static
             * @param {natsgh.v1.PhaseCheckpoint.$Properties=} [properties] Properties to set
             * @returns {natsgh.v1.PhaseCheckpoint} PhaseCheckpoint instance
             * @type {{
             *   (properties: natsgh.v1.PhaseCheckpoint.$Shape): natsgh.v1.PhaseCheckpoint & natsgh.v1.PhaseCheckpoint.$Shape;
             *   (properties?: natsgh.v1.PhaseCheckpoint.$Properties): natsgh.v1.PhaseCheckpoint;
             * }}
             */
            PhaseCheckpoint.create = function(properties) {
                return new PhaseCheckpoint(properties);
            };

            /**
             * Encodes the specified PhaseCheckpoint message. Does not implicitly {@link natsgh.v1.PhaseCheckpoint.verify|verify} messages.
             * @function encode
             * @memberof natsgh.v1.PhaseCheckpoint
             * @static
             * @param {natsgh.v1.PhaseCheckpoint.$Properties} m PhaseCheckpoint message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PhaseCheckpoint.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.deployment != null && $Object.hasOwnProperty.call(m, "deployment") && m.deployment !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.deployment);
                if (m.phase_id != null && $Object.hasOwnProperty.call(m, "phase_id") && m.phase_id !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.phase_id);
                if (m.status != null && $Object.hasOwnProperty.call(m, "status") && m.status !== 0)
                    w.uint32(/* id 3, wireType 0 =*/24).int32(m.status);
                if (m.input_hash != null && $Object.hasOwnProperty.call(m, "input_hash") && m.input_hash !== "")
                    w.uint32(/* id 4, wireType 2 =*/34).string(m.input_hash);
                if (m.outputs != null && $Object.hasOwnProperty.call(m, "outputs")) {
                    for (var ks = $Object.keys(m.outputs), i = 0; i < ks.length; ++i) {
                        w.uint32(/* id 5, wireType 2 =*/42).fork().uint32(/* id 1, wireType 2 =*/10).string(ks[i]).uint32(/* id 2, wireType 2 =*/18).string(m.outputs[ks[i]]).ldelim();
                    }
                }
                if (m.run_id != null && $Object.hasOwnProperty.call(m, "run_id") && m.run_id !== "")
                    w.uint32(/* id 6, wireType 2 =*/50).string(m.run_id);
                if (m.started_unix_ms != null && $Object.hasOwnProperty.call(m, "started_unix_ms") && (typeof m.started_unix_ms === "object" ? m.started_unix_ms.low || m.started_unix_ms.high : m.started_unix_ms !== 0))
                    w.uint32(/* id 7, wireType 0 =*/56).int64(m.started_unix_ms);
                if (m.finished_unix_ms != null && $Object.hasOwnProperty.call(m, "finished_unix_ms") && (typeof m.finished_unix_ms === "object" ? m.finished_unix_ms.low || m.finished_unix_ms.high : m.finished_unix_ms !== 0))
                    w.uint32(/* id 8, wireType 0 =*/64).int64(m.finished_unix_ms);
                if (m.cli_version != null && $Object.hasOwnProperty.call(m, "cli_version") && m.cli_version !== "")
                    w.uint32(/* id 9, wireType 2 =*/74).string(m.cli_version);
                if (m.error != null && $Object.hasOwnProperty.call(m, "error") && m.error !== "")
                    w.uint32(/* id 10, wireType 2 =*/82).string(m.error);
                if (m.host != null && $Object.hasOwnProperty.call(m, "host") && m.host !== "")
                    w.uint32(/* id 11, wireType 2 =*/90).string(m.host);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified PhaseCheckpoint message, length delimited. Does not implicitly {@link natsgh.v1.PhaseCheckpoint.verify|verify} messages.
             * @function encodeDelimited
             * @memberof natsgh.v1.PhaseCheckpoint
             * @static
             * @param {natsgh.v1.PhaseCheckpoint.$Properties} message PhaseCheckpoint message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PhaseCheckpoint.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a PhaseCheckpoint message from the specified reader or buffer.
             * @function decode
             * @memberof natsgh.v1.PhaseCheckpoint
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {natsgh.v1.PhaseCheckpoint & natsgh.v1.PhaseCheckpoint.$Shape} PhaseCheckpoint
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PhaseCheckpoint.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, k, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.natsgh.v1.PhaseCheckpoint();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.deployment = v;
                            else
                                delete m.deployment;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.phase_id = v;
                            else
                                delete m.phase_id;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.status = v;
                            else
                                delete m.status;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.input_hash = v;
                            else
                                delete m.input_hash;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if (m.outputs === $util.emptyObject)
                                m.outputs = {};
                            var c2 = r.size() + r.pos;
                            if (c2 > r.len)
                                throw $RangeError("index out of range");
                            r.len = c2;
                            k = "";
                            v = "";
                            while (r.pos < c2) {
                                var t2 = r.tag();
                                u = t2 & 7;
                                switch (t2 >>>= 3) {
                                case 1:
                                    if (u !== 2)
                                        break;
                                    k = r.stringVerify();
                                    continue;
                                case 2:
                                    if (u !== 2)
                                        break;
                                    v = r.stringVerify();
                                    continue;
                                }
                                r.skipType(u, q, t2);
                            }
                            if (r.pos !== c2)
                                throw $RangeError("index out of range");
                            r.len = c;
                            if (k === "__proto__")
                                $util.makeProp(m.outputs, k);
                            m.outputs[k] = v;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.run_id = v;
                            else
                                delete m.run_id;
                            continue;
                        }
                    case 7: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.started_unix_ms = v;
                            else
                                delete m.started_unix_ms;
                            continue;
                        }
                    case 8: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.finished_unix_ms = v;
                            else
                                delete m.finished_unix_ms;
                            continue;
                        }
                    case 9: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.cli_version = v;
                            else
                                delete m.cli_version;
                            continue;
                        }
                    case 10: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.error = v;
                            else
                                delete m.error;
                            continue;
                        }
                    case 11: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.host = v;
                            else
                                delete m.host;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a PhaseCheckpoint message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof natsgh.v1.PhaseCheckpoint
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {natsgh.v1.PhaseCheckpoint & natsgh.v1.PhaseCheckpoint.$Shape} PhaseCheckpoint
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PhaseCheckpoint.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a PhaseCheckpoint message.
             * @function verify
             * @memberof natsgh.v1.PhaseCheckpoint
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            PhaseCheckpoint.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.deployment != null && $Object.hasOwnProperty.call(m, "deployment")) {
                    if (!$util.isString(m.deployment))
                        return "deployment: string expected";
                }
                if (m.phase_id != null && $Object.hasOwnProperty.call(m, "phase_id")) {
                    if (!$util.isString(m.phase_id))
                        return "phase_id: string expected";
                }
                if (m.status != null && $Object.hasOwnProperty.call(m, "status")) {
                    if (typeof m.status !== "number" || (m.status | 0) !== m.status)
                        return "status: enum value expected";
                }
                if (m.input_hash != null && $Object.hasOwnProperty.call(m, "input_hash")) {
                    if (!$util.isString(m.input_hash))
                        return "input_hash: string expected";
                }
                if (m.outputs != null && $Object.hasOwnProperty.call(m, "outputs")) {
                    if (!$util.isObject(m.outputs))
                        return "outputs: object expected";
                    var k = $Object.keys(m.outputs);
                    for (var i = 0; i < k.length; ++i) {
                        if (!$util.isString(m.outputs[k[i]]))
                            return "outputs: string{k:string} expected";
                    }
                }
                if (m.run_id != null && $Object.hasOwnProperty.call(m, "run_id")) {
                    if (!$util.isString(m.run_id))
                        return "run_id: string expected";
                }
                if (m.started_unix_ms != null && $Object.hasOwnProperty.call(m, "started_unix_ms")) {
                    if (!$util.isInteger(m.started_unix_ms) && !(m.started_unix_ms && $util.isInteger(m.started_unix_ms.low) && $util.isInteger(m.started_unix_ms.high)))
                        return "started_unix_ms: integer|Long expected";
                }
                if (m.finished_unix_ms != null && $Object.hasOwnProperty.call(m, "finished_unix_ms")) {
                    if (!$util.isInteger(m.finished_unix_ms) && !(m.finished_unix_ms && $util.isInteger(m.finished_unix_ms.low) && $util.isInteger(m.finished_unix_ms.high)))
                        return "finished_unix_ms: integer|Long expected";
                }
                if (m.cli_version != null && $Object.hasOwnProperty.call(m, "cli_version")) {
                    if (!$util.isString(m.cli_version))
                        return "cli_version: string expected";
                }
                if (m.error != null && $Object.hasOwnProperty.call(m, "error")) {
                    if (!$util.isString(m.error))
                        return "error: string expected";
                }
                if (m.host != null && $Object.hasOwnProperty.call(m, "host")) {
                    if (!$util.isString(m.host))
                        return "host: string expected";
                }
                return null;
            };

            /**
             * Creates a PhaseCheckpoint message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof natsgh.v1.PhaseCheckpoint
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {natsgh.v1.PhaseCheckpoint} PhaseCheckpoint
             */
            PhaseCheckpoint.fromObject = function (d, q) {
                if (d instanceof $root.natsgh.v1.PhaseCheckpoint)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".natsgh.v1.PhaseCheckpoint: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.natsgh.v1.PhaseCheckpoint();
                if (d.deployment != null) {
                    if (typeof d.deployment !== "string" || d.deployment.length) {
                        m.deployment = $String(d.deployment);
                    }
                }
                if (d.phase_id != null) {
                    if (typeof d.phase_id !== "string" || d.phase_id.length) {
                        m.phase_id = $String(d.phase_id);
                    }
                }
                if (d.status !== 0 && (typeof d.status !== "string" || $root.natsgh.v1.PhaseStatus[d.status] !== 0)) {
                    switch (d.status) {
                    case "PHASE_STATUS_UNSPECIFIED":
                    case 0:
                        m.status = 0;
                        break;
                    case "PHASE_STATUS_PENDING":
                    case 1:
                        m.status = 1;
                        break;
                    case "PHASE_STATUS_RUNNING":
                    case 2:
                        m.status = 2;
                        break;
                    case "PHASE_STATUS_DONE":
                    case 3:
                        m.status = 3;
                        break;
                    case "PHASE_STATUS_FAILED":
                    case 4:
                        m.status = 4;
                        break;
                    case "PHASE_STATUS_INTERRUPTED":
                    case 5:
                        m.status = 5;
                        break;
                    default:
                        if (typeof d.status === "number" && (d.status | 0) === d.status)
                            m.status = d.status;
                    }
                }
                if (d.input_hash != null) {
                    if (typeof d.input_hash !== "string" || d.input_hash.length) {
                        m.input_hash = $String(d.input_hash);
                    }
                }
                if (d.outputs) {
                    if (!$util.isObject(d.outputs))
                        throw $TypeError(".natsgh.v1.PhaseCheckpoint.outputs: object expected");
                    m.outputs = {};
                    for (var ks = $Object.keys(d.outputs), i = 0; i < ks.length; ++i) {
                        if (ks[i] === "__proto__")
                            $util.makeProp(m.outputs, ks[i]);
                        m.outputs[ks[i]] = $String(d.outputs[ks[i]]);
                    }
                }
                if (d.run_id != null) {
                    if (typeof d.run_id !== "string" || d.run_id.length) {
                        m.run_id = $String(d.run_id);
                    }
                }
                if (d.started_unix_ms != null) {
                    if (typeof d.started_unix_ms === "object" ? d.started_unix_ms.low || d.started_unix_ms.high : $Number(d.started_unix_ms) !== 0) {
                        if ($util.Long)
                            m.started_unix_ms = $util.Long.fromValue(d.started_unix_ms, false);
                        else if (typeof d.started_unix_ms === "string")
                            m.started_unix_ms = $parseInt(d.started_unix_ms, 10);
                        else if (typeof d.started_unix_ms === "number")
                            m.started_unix_ms = d.started_unix_ms;
                        else if (typeof d.started_unix_ms === "object")
                            m.started_unix_ms = new $util.LongBits(d.started_unix_ms.low >>> 0, d.started_unix_ms.high >>> 0).toNumber();
                    }
                }
                if (d.finished_unix_ms != null) {
                    if (typeof d.finished_unix_ms === "object" ? d.finished_unix_ms.low || d.finished_unix_ms.high : $Number(d.finished_unix_ms) !== 0) {
                        if ($util.Long)
                            m.finished_unix_ms = $util.Long.fromValue(d.finished_unix_ms, false);
                        else if (typeof d.finished_unix_ms === "string")
                            m.finished_unix_ms = $parseInt(d.finished_unix_ms, 10);
                        else if (typeof d.finished_unix_ms === "number")
                            m.finished_unix_ms = d.finished_unix_ms;
                        else if (typeof d.finished_unix_ms === "object")
                            m.finished_unix_ms = new $util.LongBits(d.finished_unix_ms.low >>> 0, d.finished_unix_ms.high >>> 0).toNumber();
                    }
                }
                if (d.cli_version != null) {
                    if (typeof d.cli_version !== "string" || d.cli_version.length) {
                        m.cli_version = $String(d.cli_version);
                    }
                }
                if (d.error != null) {
                    if (typeof d.error !== "string" || d.error.length) {
                        m.error = $String(d.error);
                    }
                }
                if (d.host != null) {
                    if (typeof d.host !== "string" || d.host.length) {
                        m.host = $String(d.host);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a PhaseCheckpoint message. Also converts values to other types if specified.
             * @function toObject
             * @memberof natsgh.v1.PhaseCheckpoint
             * @static
             * @param {natsgh.v1.PhaseCheckpoint} m PhaseCheckpoint
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            PhaseCheckpoint.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.objects || o.defaults) {
                    d.outputs = {};
                }
                if (o.defaults) {
                    d.deployment = "";
                    d.phase_id = "";
                    d.status = o.enums === $String ? "PHASE_STATUS_UNSPECIFIED" : 0;
                    d.input_hash = "";
                    d.run_id = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.started_unix_ms = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.started_unix_ms = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.finished_unix_ms = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.finished_unix_ms = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.cli_version = "";
                    d.error = "";
                    d.host = "";
                }
                if (m.deployment != null && $Object.hasOwnProperty.call(m, "deployment")) {
                    d.deployment = m.deployment;
                }
                if (m.phase_id != null && $Object.hasOwnProperty.call(m, "phase_id")) {
                    d.phase_id = m.phase_id;
                }
                if (m.status != null && $Object.hasOwnProperty.call(m, "status")) {
                    d.status = o.enums === $String ? $root.natsgh.v1.PhaseStatus[m.status] === $undefined ? m.status : $root.natsgh.v1.PhaseStatus[m.status] : m.status;
                }
                if (m.input_hash != null && $Object.hasOwnProperty.call(m, "input_hash")) {
                    d.input_hash = m.input_hash;
                }
                var ks2;
                if (m.outputs && (ks2 = $Object.keys(m.outputs)).length) {
                    d.outputs = {};
                    for (var j = 0; j < ks2.length; ++j) {
                        if (ks2[j] === "__proto__")
                            $util.makeProp(d.outputs, ks2[j]);
                        d.outputs[ks2[j]] = m.outputs[ks2[j]];
                    }
                }
                if (m.run_id != null && $Object.hasOwnProperty.call(m, "run_id")) {
                    d.run_id = m.run_id;
                }
                if (m.started_unix_ms != null && $Object.hasOwnProperty.call(m, "started_unix_ms")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.started_unix_ms = typeof m.started_unix_ms === "number" ? $BigInt(m.started_unix_ms) : $util.Long.fromBits(m.started_unix_ms.low >>> 0, m.started_unix_ms.high >>> 0, false).toBigInt();
                    else if (typeof m.started_unix_ms === "number")
                        d.started_unix_ms = o.longs === $String ? $String(m.started_unix_ms) : m.started_unix_ms;
                    else
                        d.started_unix_ms = o.longs === $String ? $util.Long.prototype.toString.call(m.started_unix_ms) : o.longs === $Number ? new $util.LongBits(m.started_unix_ms.low >>> 0, m.started_unix_ms.high >>> 0).toNumber() : m.started_unix_ms;
                }
                if (m.finished_unix_ms != null && $Object.hasOwnProperty.call(m, "finished_unix_ms")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.finished_unix_ms = typeof m.finished_unix_ms === "number" ? $BigInt(m.finished_unix_ms) : $util.Long.fromBits(m.finished_unix_ms.low >>> 0, m.finished_unix_ms.high >>> 0, false).toBigInt();
                    else if (typeof m.finished_unix_ms === "number")
                        d.finished_unix_ms = o.longs === $String ? $String(m.finished_unix_ms) : m.finished_unix_ms;
                    else
                        d.finished_unix_ms = o.longs === $String ? $util.Long.prototype.toString.call(m.finished_unix_ms) : o.longs === $Number ? new $util.LongBits(m.finished_unix_ms.low >>> 0, m.finished_unix_ms.high >>> 0).toNumber() : m.finished_unix_ms;
                }
                if (m.cli_version != null && $Object.hasOwnProperty.call(m, "cli_version")) {
                    d.cli_version = m.cli_version;
                }
                if (m.error != null && $Object.hasOwnProperty.call(m, "error")) {
                    d.error = m.error;
                }
                if (m.host != null && $Object.hasOwnProperty.call(m, "host")) {
                    d.host = m.host;
                }
                return d;
            };

            /**
             * Converts this PhaseCheckpoint to JSON.
             * @function toJSON
             * @memberof natsgh.v1.PhaseCheckpoint
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            PhaseCheckpoint.prototype.toJSON = function() {
                return PhaseCheckpoint.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for PhaseCheckpoint
             * @function getTypeUrl
             * @memberof natsgh.v1.PhaseCheckpoint
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            PhaseCheckpoint.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/natsgh.v1.PhaseCheckpoint";
            };

            return PhaseCheckpoint;
        })();

        v1.Envelope = (function() {

            /**
             * Properties of an Envelope.
             * @typedef {Object} natsgh.v1.Envelope.$Properties
             * @property {number|null} [schema_version] Envelope schema_version
             * @property {string|null} [id] Envelope id
             * @property {number|null} [time_unix_ms] Envelope time_unix_ms
             * @property {string|null} [source] Envelope source
             * @property {string|null} [payload_type] Envelope payload_type
             * @property {Uint8Array|null} [payload] Envelope payload
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Envelope.
             * @memberof natsgh.v1
             * @interface IEnvelope
             * @augments natsgh.v1.Envelope.$Properties
             * @deprecated Use natsgh.v1.Envelope.$Properties instead.
             */

            /**
             * Shape of an Envelope.
             * @typedef {natsgh.v1.Envelope.$Properties} natsgh.v1.Envelope.$Shape
             */

            /**
             * Constructs a new Envelope.
             * @memberof natsgh.v1
             * @classdesc Represents an Envelope.
             * @constructor
             * @param {natsgh.v1.Envelope.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Envelope = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Envelope schema_version.
             * @member {number} schema_version
             * @memberof natsgh.v1.Envelope
             * @instance
             */
            Envelope.prototype.schema_version = 0;

            /**
             * Envelope id.
             * @member {string} id
             * @memberof natsgh.v1.Envelope
             * @instance
             */
            Envelope.prototype.id = "";

            /**
             * Envelope time_unix_ms.
             * @member {number} time_unix_ms
             * @memberof natsgh.v1.Envelope
             * @instance
             */
            Envelope.prototype.time_unix_ms = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Envelope source.
             * @member {string} source
             * @memberof natsgh.v1.Envelope
             * @instance
             */
            Envelope.prototype.source = "";

            /**
             * Envelope payload_type.
             * @member {string} payload_type
             * @memberof natsgh.v1.Envelope
             * @instance
             */
            Envelope.prototype.payload_type = "";

            /**
             * Envelope payload.
             * @member {Uint8Array} payload
             * @memberof natsgh.v1.Envelope
             * @instance
             */
            Envelope.prototype.payload = $util.newBuffer([]);

            /**
             * Creates a new Envelope instance using the specified properties.
             * @function create
             * @memberof natsgh.v1.Envelope
             * @static
             * @param {natsgh.v1.Envelope.$Properties=} [properties] Properties to set
             * @returns {natsgh.v1.Envelope} Envelope instance
             * @type {{
             *   (properties: natsgh.v1.Envelope.$Shape): natsgh.v1.Envelope & natsgh.v1.Envelope.$Shape;
             *   (properties?: natsgh.v1.Envelope.$Properties): natsgh.v1.Envelope;
             * }}
             */
            Envelope.create = function(properties) {
                return new Envelope(properties);
            };

            /**
             * Encodes the specified Envelope message. Does not implicitly {@link natsgh.v1.Envelope.verify|verify} messages.
             * @function encode
             * @memberof natsgh.v1.Envelope
             * @static
             * @param {natsgh.v1.Envelope.$Properties} m Envelope message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Envelope.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.schema_version != null && $Object.hasOwnProperty.call(m, "schema_version") && m.schema_version !== 0)
                    w.uint32(/* id 1, wireType 0 =*/8).uint32(m.schema_version);
                if (m.id != null && $Object.hasOwnProperty.call(m, "id") && m.id !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.id);
                if (m.time_unix_ms != null && $Object.hasOwnProperty.call(m, "time_unix_ms") && (typeof m.time_unix_ms === "object" ? m.time_unix_ms.low || m.time_unix_ms.high : m.time_unix_ms !== 0))
                    w.uint32(/* id 3, wireType 0 =*/24).int64(m.time_unix_ms);
                if (m.source != null && $Object.hasOwnProperty.call(m, "source") && m.source !== "")
                    w.uint32(/* id 4, wireType 2 =*/34).string(m.source);
                if (m.payload_type != null && $Object.hasOwnProperty.call(m, "payload_type") && m.payload_type !== "")
                    w.uint32(/* id 5, wireType 2 =*/42).string(m.payload_type);
                if (m.payload != null && $Object.hasOwnProperty.call(m, "payload") && m.payload.length)
                    w.uint32(/* id 6, wireType 2 =*/50).bytes(m.payload);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified Envelope message, length delimited. Does not implicitly {@link natsgh.v1.Envelope.verify|verify} messages.
             * @function encodeDelimited
             * @memberof natsgh.v1.Envelope
             * @static
             * @param {natsgh.v1.Envelope.$Properties} message Envelope message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Envelope.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an Envelope message from the specified reader or buffer.
             * @function decode
             * @memberof natsgh.v1.Envelope
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {natsgh.v1.Envelope & natsgh.v1.Envelope.$Shape} Envelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Envelope.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.natsgh.v1.Envelope();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.schema_version = v;
                            else
                                delete m.schema_version;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.id = v;
                            else
                                delete m.id;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.time_unix_ms = v;
                            else
                                delete m.time_unix_ms;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.source = v;
                            else
                                delete m.source;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.payload_type = v;
                            else
                                delete m.payload_type;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.payload = v;
                            else
                                delete m.payload;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes an Envelope message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof natsgh.v1.Envelope
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {natsgh.v1.Envelope & natsgh.v1.Envelope.$Shape} Envelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Envelope.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an Envelope message.
             * @function verify
             * @memberof natsgh.v1.Envelope
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Envelope.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.schema_version != null && $Object.hasOwnProperty.call(m, "schema_version")) {
                    if (!$util.isInteger(m.schema_version))
                        return "schema_version: integer expected";
                }
                if (m.id != null && $Object.hasOwnProperty.call(m, "id")) {
                    if (!$util.isString(m.id))
                        return "id: string expected";
                }
                if (m.time_unix_ms != null && $Object.hasOwnProperty.call(m, "time_unix_ms")) {
                    if (!$util.isInteger(m.time_unix_ms) && !(m.time_unix_ms && $util.isInteger(m.time_unix_ms.low) && $util.isInteger(m.time_unix_ms.high)))
                        return "time_unix_ms: integer|Long expected";
                }
                if (m.source != null && $Object.hasOwnProperty.call(m, "source")) {
                    if (!$util.isString(m.source))
                        return "source: string expected";
                }
                if (m.payload_type != null && $Object.hasOwnProperty.call(m, "payload_type")) {
                    if (!$util.isString(m.payload_type))
                        return "payload_type: string expected";
                }
                if (m.payload != null && $Object.hasOwnProperty.call(m, "payload")) {
                    if (!(m.payload && typeof m.payload.length === "number" || $util.isString(m.payload)))
                        return "payload: buffer expected";
                }
                return null;
            };

            /**
             * Creates an Envelope message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof natsgh.v1.Envelope
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {natsgh.v1.Envelope} Envelope
             */
            Envelope.fromObject = function (d, q) {
                if (d instanceof $root.natsgh.v1.Envelope)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".natsgh.v1.Envelope: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.natsgh.v1.Envelope();
                if (d.schema_version != null) {
                    if ($Number(d.schema_version) !== 0) {
                        m.schema_version = d.schema_version >>> 0;
                    }
                }
                if (d.id != null) {
                    if (typeof d.id !== "string" || d.id.length) {
                        m.id = $String(d.id);
                    }
                }
                if (d.time_unix_ms != null) {
                    if (typeof d.time_unix_ms === "object" ? d.time_unix_ms.low || d.time_unix_ms.high : $Number(d.time_unix_ms) !== 0) {
                        if ($util.Long)
                            m.time_unix_ms = $util.Long.fromValue(d.time_unix_ms, false);
                        else if (typeof d.time_unix_ms === "string")
                            m.time_unix_ms = $parseInt(d.time_unix_ms, 10);
                        else if (typeof d.time_unix_ms === "number")
                            m.time_unix_ms = d.time_unix_ms;
                        else if (typeof d.time_unix_ms === "object")
                            m.time_unix_ms = new $util.LongBits(d.time_unix_ms.low >>> 0, d.time_unix_ms.high >>> 0).toNumber();
                    }
                }
                if (d.source != null) {
                    if (typeof d.source !== "string" || d.source.length) {
                        m.source = $String(d.source);
                    }
                }
                if (d.payload_type != null) {
                    if (typeof d.payload_type !== "string" || d.payload_type.length) {
                        m.payload_type = $String(d.payload_type);
                    }
                }
                if (d.payload != null) {
                    if (d.payload.length) {
                        if (typeof d.payload === "string")
                            $util.base64.decode(d.payload, m.payload = $util.newBuffer($util.base64.length(d.payload)), 0);
                        else if (d.payload.length >= 0)
                            m.payload = d.payload;
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from an Envelope message. Also converts values to other types if specified.
             * @function toObject
             * @memberof natsgh.v1.Envelope
             * @static
             * @param {natsgh.v1.Envelope} m Envelope
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Envelope.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.schema_version = 0;
                    d.id = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.time_unix_ms = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.time_unix_ms = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.source = "";
                    d.payload_type = "";
                    if (o.bytes === $String)
                        d.payload = "";
                    else {
                        d.payload = [];
                        if (o.bytes !== $Array)
                            d.payload = $util.newBuffer(d.payload);
                    }
                }
                if (m.schema_version != null && $Object.hasOwnProperty.call(m, "schema_version")) {
                    d.schema_version = m.schema_version;
                }
                if (m.id != null && $Object.hasOwnProperty.call(m, "id")) {
                    d.id = m.id;
                }
                if (m.time_unix_ms != null && $Object.hasOwnProperty.call(m, "time_unix_ms")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.time_unix_ms = typeof m.time_unix_ms === "number" ? $BigInt(m.time_unix_ms) : $util.Long.fromBits(m.time_unix_ms.low >>> 0, m.time_unix_ms.high >>> 0, false).toBigInt();
                    else if (typeof m.time_unix_ms === "number")
                        d.time_unix_ms = o.longs === $String ? $String(m.time_unix_ms) : m.time_unix_ms;
                    else
                        d.time_unix_ms = o.longs === $String ? $util.Long.prototype.toString.call(m.time_unix_ms) : o.longs === $Number ? new $util.LongBits(m.time_unix_ms.low >>> 0, m.time_unix_ms.high >>> 0).toNumber() : m.time_unix_ms;
                }
                if (m.source != null && $Object.hasOwnProperty.call(m, "source")) {
                    d.source = m.source;
                }
                if (m.payload_type != null && $Object.hasOwnProperty.call(m, "payload_type")) {
                    d.payload_type = m.payload_type;
                }
                if (m.payload != null && $Object.hasOwnProperty.call(m, "payload")) {
                    d.payload = o.bytes === $String ? $util.base64.encode(m.payload, 0, m.payload.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.payload) : m.payload;
                }
                return d;
            };

            /**
             * Converts this Envelope to JSON.
             * @function toJSON
             * @memberof natsgh.v1.Envelope
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Envelope.prototype.toJSON = function() {
                return Envelope.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Envelope
             * @function getTypeUrl
             * @memberof natsgh.v1.Envelope
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Envelope.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/natsgh.v1.Envelope";
            };

            return Envelope;
        })();

        return v1;
    })();

    return natsgh;
})();

export {
  $root as default
};
