package main

import (
	"bytes"
	"encoding/json"
	"io"
	"os/exec"
	"strings"
	"testing"
)

// forbiddenImports are the packages through which Go code opens sockets or
// talks to other machines. attend keeps every record on the manager's own
// machine and must import none of them. (Third-party libraries it uses
// may import net without opening anything; a run under strace checks that.)
var forbiddenImports = []string{
	"net", "net/http", "net/rpc", "net/smtp", "net/textproto", "crypto/tls",
	"golang.org/x/net", "google.golang.org/grpc", "github.com/gorilla/websocket",
}

// forbidden reports pkg or any package below it in forbiddenImports, except
// that below "net" only net/http, net/rpc, net/smtp and net/textproto are
// network code (net/url, net/mail and net/netip only parse text).
func forbidden(pkg string) bool {
	for _, f := range forbiddenImports {
		if pkg == f || f != "net" && strings.HasPrefix(pkg, f+"/") {
			return true
		}
	}
	return false
}

// TestNoNetwork lists the imports (and test imports) of every package of
// attend itself and fails if any of them could open a connection.
func TestNoNetwork(t *testing.T) {
	for pkg, want := range map[string]bool{"net": true, "net/http/httptest": true, "crypto/tls": true, "net/url": false, "network": false, "encoding/json": false} {
		if forbidden(pkg) != want {
			t.Fatalf("forbidden(%q) = %v", pkg, !want)
		}
	}
	// go test puts its own GOROOT/bin first on PATH (since Go 1.19), so this
	// is the go command running the tests (runtime.GOROOT is deprecated).
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to list packages with")
	}
	cmd := exec.Command(gobin, "list", "-json=ImportPath,Imports,TestImports,XTestImports", "attend/...")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, stderr.String())
	}
	dec := json.NewDecoder(bytes.NewReader(out))
	n := 0
	for {
		var p struct {
			ImportPath                         string
			Imports, TestImports, XTestImports []string
		}
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		n++
		for _, imp := range append(append(p.Imports, p.TestImports...), p.XTestImports...) {
			if forbidden(imp) {
				t.Errorf("%s imports %s: attend must not touch the network", p.ImportPath, imp)
			}
		}
	}
	if n < 4 {
		t.Fatalf("go list found only %d packages under attend/...", n)
	}
	t.Logf("%d packages, none imports the network", n)
}
