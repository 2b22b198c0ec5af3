package data

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"unicode"

	"golang.org/x/sys/unix"
)

// lockHolder says, best effort, what holds the lock on the file at path:
// "another attend (pid 1234: attend prep Siân)". It reads /proc/locks for a
// lock on the file's device and inode, then /proc/PID/cmdline. It returns
// "" when it cannot tell (no /proc, the holder has gone, another pid
// namespace). attend is false when the holder is known to be some other
// program.
func lockHolder(path string) (desc string, attend bool) {
	fi, err := os.Stat(path)
	if err != nil {
		return "", true
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return "", true
	}
	f, err := os.Open("/proc/locks")
	if err != nil {
		return "", true
	}
	defer f.Close()
	return describeHolders(holdersOf(bufio.NewScanner(f), uint64(st.Dev), st.Ino))
}

// holdersOf reads /proc/locks lines such as
//
//	1: FLOCK  ADVISORY  WRITE 1234 fd:01:5678 0 EOF
//	2: -> FLOCK  ADVISORY  WRITE 999 fd:01:5678 0 EOF   (a waiter, skipped)
//
// and returns the pids holding a lock on that device and inode. Device
// numbers can differ between what stat and /proc/locks report on some
// overlay file systems, so if nothing matches both, the inode alone is used.
func holdersOf(sc *bufio.Scanner, dev uint64, ino uint64) []int {
	maj, min := unix.Major(dev), unix.Minor(dev)
	var exact, inodeOnly []int
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 6 || fields[1] == "->" {
			continue
		}
		pid, err := strconv.Atoi(fields[4])
		if err != nil || pid <= 0 {
			continue
		}
		parts := strings.Split(fields[5], ":")
		if len(parts) != 3 {
			continue
		}
		if n, err := strconv.ParseUint(parts[2], 10, 64); err != nil || n != ino {
			continue
		}
		inodeOnly = append(inodeOnly, pid)
		a, errA := strconv.ParseUint(parts[0], 16, 32)
		b, errB := strconv.ParseUint(parts[1], 16, 32)
		if errA == nil && errB == nil && uint32(a) == maj && uint32(b) == min {
			exact = append(exact, pid)
		}
	}
	if len(exact) > 0 {
		return exact
	}
	return inodeOnly
}

func describeHolders(pids []int) (string, bool) {
	seen := map[int]bool{}
	var parts []string
	attend := len(pids) == 0
	for _, pid := range pids {
		if seen[pid] || len(parts) == 2 {
			continue
		}
		seen[pid] = true
		desc, isAttend := describePid(pid)
		parts = append(parts, desc)
		attend = attend || isAttend
	}
	return strings.Join(parts, " and "), attend
}

// describePid names a process: "another attend (pid 1234: attend prep
// Siân)", and says whether it is attend (or this very process).
func describePid(pid int) (string, bool) {
	raw, _ := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", pid))
	args := strings.Split(strings.TrimRight(string(raw), "\x00"), "\x00")
	if len(args) > 0 && args[0] != "" {
		args[0] = filepath.Base(args[0])
	}
	cmd := tidyCmdline(strings.Join(args, " "))
	who, attend := "another program", false
	switch {
	case pid == os.Getpid():
		who, attend = "this same program", true
	case len(args) > 0 && strings.HasPrefix(args[0], "attend"):
		who, attend = "another attend", true
	}
	if cmd == "" {
		return fmt.Sprintf("%s (pid %d)", who, pid), attend
	}
	return fmt.Sprintf("%s (pid %d: %s)", who, pid, cmd), attend
}

// tidyCmdline keeps a command line printable and short.
func tidyCmdline(s string) string {
	const max = 60
	var b strings.Builder
	n := 0
	for _, r := range s {
		if n == max {
			b.WriteString("…")
			break
		}
		if !unicode.IsPrint(r) {
			r = ' '
		}
		b.WriteRune(r)
		n++
	}
	return strings.TrimSpace(b.String())
}
