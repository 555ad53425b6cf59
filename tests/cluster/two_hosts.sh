#!/bin/sh
# Two hosts on one machine: a network namespace joined by a veth pair, with a host name of its own
# and an sshd, is the second host; a sweep across both must show both hosts and the serial checksum.
# Usage: two_hosts.sh PARLAB_CLI. Exits 77 (skipped) when not root or the machine refuses a step.
set -u
cli=$1
[ "$(id -u)" -eq 0 ] || { echo "skipped: needs root for ip netns"; exit 77; }
for tool in ip sshd ssh ssh-keygen unshare mpirun python3; do
  command -v "$tool" >/dev/null 2>&1 || [ -x "/usr/sbin/$tool" ] || { echo "skipped: $tool is missing"; exit 77; }
done
id=$$
ns="parlab-$id"
net="10.77.$((id % 250)).0/24"
here_ip="10.77.$((id % 250)).1"
there_ip="10.77.$((id % 250)).2"
dir=$(mktemp -d /tmp/parlab-two-hosts.XXXXXX)
cleanup() {
  [ -f "$dir/sshd.pid" ] && kill "$(cat "$dir/sshd.pid")" 2>/dev/null
  ip link del "pl${id}a" 2>/dev/null
  ip netns del "$ns" 2>/dev/null
  rm -rf "$dir"
}
trap cleanup EXIT
step() { out=$("$@" 2>&1) || { echo "skipped: '$*' was refused: $out"; exit 77; }; }
step ip netns add "$ns"
step ip link add "pl${id}a" type veth peer name "pl${id}b"
step ip link set "pl${id}b" netns "$ns"
step ip addr add "$here_ip/24" dev "pl${id}a"
step ip link set "pl${id}a" up
step ip netns exec "$ns" ip addr add "$there_ip/24" dev "pl${id}b"
step ip netns exec "$ns" ip link set "pl${id}b" up
step ip netns exec "$ns" ip link set lo up
mkdir -p /run/sshd
ssh-keygen -q -t ed25519 -N "" -f "$dir/host_key"
ssh-keygen -q -t ed25519 -N "" -f "$dir/id"
cp "$dir/id.pub" "$dir/authorized_keys"
cat > "$dir/sshd_config" <<CONF
ListenAddress $there_ip
HostKey $dir/host_key
PermitRootLogin prohibit-password
AuthorizedKeysFile $dir/authorized_keys
StrictModes no
PasswordAuthentication no
UsePAM no
PidFile $dir/sshd.pid
CONF
step ip netns exec "$ns" unshare --uts sh -c "hostname node-b && $(command -v sshd || echo /usr/sbin/sshd) -f $dir/sshd_config"
for _ in 1 2 3 4 5 6 7 8 9 10; do [ -f "$dir/sshd.pid" ] && break; sleep 0.2; done
[ -f "$dir/sshd.pid" ] || { echo "skipped: sshd did not start in the namespace"; exit 77; }
here=$(hostname)
printf '%s slots=1\n%s slots=1\n' "$here" "$there_ip" > "$dir/hosts"
export OMPI_MCA_plm_rsh_args="-i $dir/id -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o BatchMode=yes -o LogLevel=ERROR"
export OMPI_MCA_oob_tcp_if_include="$net" OMPI_MCA_btl_tcp_if_include="$net"
"$cli" run --workload integrate --backend cluster --hostfile "$dir/hosts" --workers 1:2 \
  --param tasks=200 --trace "$dir/trace.json" --format json > "$dir/out.json" || { echo "the sweep failed"; exit 1; }
cat "$dir/out.json"
python3 - "$dir/out.json" "$here" <<'PY' || exit 1
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
points = [l for l in lines if l["type"] == "point"]
serial = lines[-1]["serial_checksum"]
assert all(p["checksum"] == serial for p in points), "checksum differs from serial"
assert points[1]["hosts"] == [sys.argv[2], "node-b"], points[1]["hosts"]
assert points[1]["ranks_per_host"] == {sys.argv[2]: 1, "node-b": 1}, points[1]["ranks_per_host"]
print("two hosts:", points[1]["hosts"], "checksum", serial)
PY
