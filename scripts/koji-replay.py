#!/usr/bin/python3
"""Replays, with the standard library's xmlrpc.client, the XML-RPC calls the koji client (1.35) and its
koji-containerbuild plugin make for one command, against a hub's /kojihub, and checks the fields the koji
client reads. Prints one JSON object with what it saw; exits 1 (with the reason on stderr) when an answer is not
what the koji client needs.

Usage: koji-replay.py HUB_URL COMMAND [ARGS...]
  container-build USER TOKEN TARGET SRC BRANCH [--scratch] [--nowait]
  watch-task TASK_ID
  taskinfo TASK_ID
  buildinfo NVR_OR_ID
  list-tasks USER TOKEN
  anonymous-build TARGET SRC BRANCH
  callnum-replay USER TOKEN
  multicall-fault TASK_ID
  failed-result TASK_ID
HUB_URL is the hub's base URL (http://host:port); the endpoint is HUB_URL/kojihub.
"""
import json
import sys
import time
import urllib.request
import xmlrpc.client

TASK_STATES = {0: "FREE", 1: "OPEN", 2: "CLOSED", 3: "CANCELED", 4: "ASSIGNED", 5: "FAILED"}
TASK_FIELDS = ["id", "state", "host_id", "method", "arch", "owner", "create_ts", "start_ts", "completion_ts",
               "priority", "parent", "channel_id", "weight", "label", "create_time", "start_time",
               "completion_time"]
BUILD_FIELDS = ["id", "name", "version", "release", "epoch", "state", "draft", "owner_name", "owner_id", "source",
                "volume_name", "creation_ts", "start_ts", "completion_ts", "promotion_ts", "extra", "cg_name",
                "task_id", "nvr", "build_id", "package_id"]


def fail(why):
    sys.stderr.write("koji-replay: " + why + "\n")
    sys.exit(1)


def check(cond, why):
    if not cond:
        fail(why)


def fields(d, names, what):
    check(isinstance(d, dict), "%s is not a struct: %r" % (what, d))
    missing = [n for n in names if n not in d]
    check(not missing, "%s lacks %s (nil, never absent): %r" % (what, missing, sorted(d)))


class Hub:
    """One koji ClientSession: positional args, keywords as a trailing __starstar struct, session headers."""

    def __init__(self, base):
        self.base = base.rstrip("/")
        self.url = self.base + "/kojihub"
        self.session = None
        self.callnum = None
        self.calls = []

    def proxy(self, headers=()):
        return xmlrpc.client.ServerProxy(self.url, allow_none=True,
                                         transport=xmlrpc.client.Transport(headers=list(headers)))

    def call(self, name, *args, **kwargs):
        params = list(args)
        if kwargs:
            kw = dict(kwargs)
            kw["__starstar"] = True
            params.append(kw)
        headers = []
        if self.session is not None:
            headers = [("Koji-Session-Id", str(self.session["session-id"])),
                       ("Koji-Session-Key", self.session["session-key"]),
                       ("Koji-Session-Callnum", str(self.callnum))]
            self.callnum += 1
        self.calls.append(name)
        return getattr(self.proxy(headers), name)(*params)

    def login(self, user, password):
        s = self.call("login", user, password, opts=None)
        fields(s, ["session-id", "session-key", "header-auth"], "login answer")
        check(isinstance(s["session-id"], int) and s["header-auth"] is True, "login answer %r" % s)
        self.session = s
        self.callnum = 0
        check(self.call("getAPIVersion") == 1, "getAPIVersion must answer 1")

    def logout(self):
        self.call("logout", session_id=None)
        self.session = None

    def fault(self, name, *args, **kwargs):
        try:
            got = self.call(name, *args, **kwargs)
        except xmlrpc.client.Fault as f:
            return f
        fail("%s should have raised a fault, answered %r" % (name, got))


def container_build(hub, user, token, target, src, branch, scratch, nowait):
    hub.login(user, token)
    t = hub.call("getBuildTarget", target)
    fields(t, ["id", "name", "build_tag", "build_tag_name", "dest_tag", "dest_tag_name"], "build target")
    tag = hub.call("getTag", t["dest_tag"])
    fields(tag, ["id", "name", "locked", "arches", "perm_id", "perm", "maven_support", "maven_include_all",
                 "extra"], "tag")
    check(tag["name"] == t["dest_tag_name"], "getTag(dest_tag) is not the target's destination tag")
    check(not tag["locked"] or scratch, "destination tag %s is locked" % tag["name"])
    opts = {"git_branch": branch}
    if scratch:
        opts["scratch"] = True
    task_id = hub.call("buildContainer", src, target, opts, priority=None)
    check(isinstance(task_id, int), "buildContainer must answer a task id, not %r" % task_id)
    out = {"task_id": task_id, "dest_tag": tag["name"]}
    if nowait:
        return out
    hub.logout()
    watcher = Hub(hub.base)
    watcher.calls = hub.calls
    out.update(watch(watcher, task_id, anonymous_version=False))
    return out


def watch(hub, task_id, anonymous_version=True):
    if anonymous_version:
        check(hub.call("getAPIVersion") == 1, "getAPIVersion must answer 1")
    deadline = time.time() + 600
    while True:
        info = hub.call("getTaskInfo", task_id, request=True)
        fields(info, TASK_FIELDS + ["request"], "task")
        check(info["parent"] is None, "a top-level task has parent nil")
        if info["host_id"] is not None:
            host = hub.call("getHost", info["host_id"])
            fields(host, ["id", "name"], "host")
        check(isinstance(hub.call("getTaskChildren", task_id), list), "getTaskChildren answers a list")
        state = TASK_STATES[info["state"]]
        if state in ("CLOSED", "FAILED", "CANCELED"):
            break
        check(time.time() < deadline, "task %d did not finish in time" % task_id)
        time.sleep(0.5)
    out = {"state": state, "request": info["request"]}
    if state == "CLOSED":
        result = hub.call("getTaskResult", task_id)
        fields(result, ["koji_builds", "repositories"], "task result")
        check(all(isinstance(b, str) for b in result["koji_builds"]), "koji_builds are strings of build ids")
        out["result"] = result
    elif state == "FAILED":
        f = hub.fault("getTaskResult", task_id)
        out["fault"] = {"code": f.faultCode, "string": f.faultString}
        files = hub.call("listTaskOutput", task_id, all_volumes=True)
        check(isinstance(files, dict) and files, "listTaskOutput(all_volumes) answers {file: [volumes]}")
        out["files"] = files
        name = sorted(files)[0]
        url = "%s/kojifiles/work/tasks/%d/%d/%s" % (hub.base, task_id % 10000, task_id, name)
        with urllib.request.urlopen(url) as r:
            out["log_url_bytes"] = len(r.read())
    return out


def taskinfo(hub, task_id):
    info = hub.call("getTaskInfo", task_id)
    fields(info, TASK_FIELDS, "task")
    out = {"task": info}
    if info["host_id"] is not None:
        out["host"] = hub.call("getHost", info["host_id"])["name"]
    check(isinstance(hub.call("listBuildroots", taskID=task_id), list), "listBuildroots answers a list")
    builds = hub.call("listBuilds", taskID=task_id)
    check(isinstance(builds, list), "listBuilds answers a list")
    if builds:
        fields(builds[0], ["nvr", "build_id"], "build")
        out["build"] = {"nvr": builds[0]["nvr"], "build_id": builds[0]["build_id"]}
    files = hub.call("listTaskOutput", task_id, all_volumes=True)
    check(all(v == ["DEFAULT"] for v in files.values()), "listTaskOutput volumes: %r" % files)
    out["files"] = files
    for name in files:
        data = hub.call("downloadTaskOutput", task_id, name, 0, 65536)
        check(isinstance(data, xmlrpc.client.Binary), "downloadTaskOutput answers base64 bytes")
        out["log_head"] = data.data.decode("utf-8", "replace").split("\n")[0]
    owner = hub.call("getUser", info["owner"])
    fields(owner, ["id", "name", "status", "usertype", "krb_principals"], "user")
    out["owner"] = owner["name"]
    request = hub.call("getTaskRequest", task_id)
    check(isinstance(request, list) and len(request) == 3, "getTaskRequest answers [src, target, opts]")
    out["request"] = request
    check(hub.call("getTaskChildren", task_id, request=True) == [], "no subtasks")
    return out


def buildinfo(hub, build):
    try:
        build = int(build)
    except ValueError:
        pass
    b = hub.call("getBuild", build)
    check(b is not None, "getBuild(%r) found nothing" % build)
    fields(b, BUILD_FIELDS, "build")
    task = b["task_id"] or b["extra"].get("container_koji_task_id")
    out = {"build": b}
    if task:
        info = hub.call("getTaskInfo", task, request=True)
        fields(info, TASK_FIELDS + ["request"], "task")
    tags = hub.call("listTags", b["id"])
    out["tags"] = [t["name"] for t in tags]
    check(hub.call("getMavenBuild", b["id"]) is None, "getMavenBuild answers nil")
    check(hub.call("getWinBuild", b["id"]) is None, "getWinBuild answers nil")
    check(hub.call("listArchives", buildID=b["id"], type="maven") == [], "no maven archives")
    check(hub.call("listArchives", buildID=b["id"], type="win") == [], "no win archives")
    images = hub.call("listArchives", buildID=b["id"], type="image")
    archives = hub.call("listArchives", buildID=b["id"])
    for a in archives:
        fields(a, ["id", "filename", "btype", "type_name", "size", "checksum", "checksum_type", "extra"], "archive")
        check(a["btype"] == "image", "image archives have btype image")
        fields(a["extra"].get("docker"), ["id", "parent_id", "repositories", "tags", "layer_sizes", "digests",
                                          "config"], "archive extra.docker")
    check([a["id"] for a in images] == [a["id"] for a in archives], "type=image lists the image archives")
    check(hub.call("listRPMs", buildID=b["id"]) == [], "an image build has no RPMs of its own")
    out["archives"] = archives
    out["rpms"] = {}
    for a in archives:
        rpms = hub.call("listRPMs", imageID=a["id"])
        for r in rpms:
            fields(r, ["name", "version", "release", "epoch", "arch", "payloadhash", "size", "buildtime"], "rpm")
        out["rpms"][str(a["id"])] = ["%s-%s-%s" % (r["name"], r["version"], r["release"]) for r in rpms]
    return out


def list_tasks(hub, user, token):
    hub.login(user, token)
    me = hub.call("getLoggedInUser")
    fields(me, ["id", "name"], "logged-in user")
    tasks = hub.call("listTasks", {"decode": True, "state": [0, 1, 4], "owner": me["id"]},
                     {"order": "priority,create_time"})
    for t in tasks:
        fields(t, ["id", "priority", "owner_name", "state", "arch", "method", "request", "parent"], "listed task")
        check(t["state"] in (0, 1, 4), "state filter")
        check(t["owner_name"] == user, "owner filter")
    keys = [(t["priority"], t["create_ts"]) for t in tasks]
    check(keys == sorted(keys), "ordered by priority, create_time")
    out = {"tasks": [t["id"] for t in tasks], "me": me["name"]}
    fields(hub.call("getUser", user), ["id", "name"], "user")
    if tasks:
        ch = hub.call("getChannel", hub.call("getTaskInfo", tasks[0]["id"])["channel_id"])
        fields(ch, ["id", "name"], "channel")
        out["channel"] = ch["name"]
    everything = hub.call("listTasks", {"decode": True}, {"order": "priority,create_time"})
    out["all"] = len(everything)
    hub.logout()
    return out


def main(argv):
    if len(argv) < 3:
        fail(__doc__)
    hub = Hub(argv[1])
    cmd, args = argv[2], argv[3:]
    if cmd == "container-build":
        out = container_build(hub, args[0], args[1], args[2], args[3], args[4], "--scratch" in args,
                              "--nowait" in args)
    elif cmd == "watch-task":
        out = watch(hub, int(args[0]))
    elif cmd == "taskinfo":
        out = taskinfo(hub, int(args[0]))
    elif cmd == "buildinfo":
        out = buildinfo(hub, args[0])
    elif cmd == "list-tasks":
        out = list_tasks(hub, args[0], args[1])
    elif cmd == "anonymous-build":
        f = hub.fault("buildContainer", args[1], args[0], {"git_branch": args[2]}, priority=None)
        out = {"code": f.faultCode, "string": f.faultString}
    elif cmd == "callnum-replay":
        hub.login(args[0], args[1])
        hub.callnum = 5
        hub.call("getLoggedInUser")
        hub.callnum = 5
        replay = hub.fault("getLoggedInUser")
        hub.callnum = 3
        backwards = hub.fault("getLoggedInUser")
        hub.callnum = 7
        me = hub.call("getLoggedInUser")
        out = {"replay": {"code": replay.faultCode, "string": replay.faultString},
               "backwards": {"code": backwards.faultCode, "string": backwards.faultString}, "after": me["name"]}
    elif cmd == "multicall-fault":
        task = int(args[0])
        mc = xmlrpc.client.MultiCall(hub.proxy())
        mc.getTaskInfo(task)
        mc.getTaskInfo(task, {"strict": True, "bogus": 1, "__starstar": True})
        mc.getAPIVersion()
        results = []
        for i in range(3):
            try:
                results.append(mc_result(mc, i))
            except xmlrpc.client.Fault as f:
                results.append({"faultCode": f.faultCode, "faultString": f.faultString})
        raw = hub.call("multiCall", [{"methodName": "getTaskInfo", "params": [task]},
                                     {"methodName": "noSuchMethod", "params": []}])
        out = {"system.multicall": results, "multiCall": raw}
    elif cmd == "failed-result":
        f = hub.fault("getTaskResult", int(args[0]))
        out = {"code": f.faultCode, "string": f.faultString}
    else:
        fail("unknown command " + cmd)
    out["calls"] = hub.calls
    print(json.dumps(out, default=str))


_MC = {}


def mc_result(mc, i):
    if id(mc) not in _MC:
        _MC[id(mc)] = mc()
    return _MC[id(mc)][i]


if __name__ == "__main__":
    main(sys.argv)
