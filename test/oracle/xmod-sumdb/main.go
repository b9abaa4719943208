// Command gosumdb is the Go project's own checksum database and module
// tools, driven by modseal's tests so that they compare against Go's code
// rather than ours.
//
//	gosumdb serve <records.json>     serve x/mod's TestServer on 127.0.0.1; prints "vkey\nport\n"
//	gosumdb zip <dir> <path> <vers> <out.zip>   write a module zip with x/mod/zip
//	gosumdb hash <zip> <go.mod>       print the h1 of the zip and of the go.mod
package main

import (
	"bytes"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"

	"golang.org/x/mod/module"
	"golang.org/x/mod/sumdb"
	"golang.org/x/mod/sumdb/dirhash"
	"golang.org/x/mod/sumdb/note"
	modzip "golang.org/x/mod/zip"
)

func main() {
	if len(os.Args) < 2 {
		fail(fmt.Errorf("usage: gosumdb serve|zip|hash ..."))
	}
	switch os.Args[1] {
	case "serve":
		serve(os.Args[2])
	case "zip":
		f, err := os.Create(os.Args[5])
		if err != nil {
			fail(err)
		}
		m := module.Version{Path: os.Args[3], Version: os.Args[4]}
		if err := modzip.CreateFromDir(f, m, os.Args[2]); err != nil {
			fail(err)
		}
		if err := f.Close(); err != nil {
			fail(err)
		}
	case "hash":
		zh, err := dirhash.HashZip(os.Args[2], dirhash.Hash1)
		if err != nil {
			fail(err)
		}
		data, err := os.ReadFile(os.Args[3])
		if err != nil {
			fail(err)
		}
		mh, err := dirhash.Hash1([]string{"go.mod"}, func(string) (io.ReadCloser, error) {
			return io.NopCloser(bytes.NewReader(data)), nil
		})
		if err != nil {
			fail(err)
		}
		fmt.Printf("%s\n%s\n", zh, mh)
	default:
		fail(fmt.Errorf("unknown command %q", os.Args[1]))
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}

func serve(recordsFile string) {
	data, err := os.ReadFile(recordsFile)
	if err != nil {
		fail(err)
	}
	var records map[string]string
	if err := json.Unmarshal(data, &records); err != nil {
		fail(err)
	}
	skey, vkey, err := note.GenerateKey(rand.Reader, "gosumdb.modseal.test")
	if err != nil {
		fail(err)
	}
	gosum := func(path, vers string) ([]byte, error) {
		if text, ok := records[path+"@"+vers]; ok {
			return []byte(text), nil
		}
		return nil, os.ErrNotExist
	}
	srv := sumdb.NewServer(sumdb.NewTestServer(skey, gosum))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fail(err)
	}
	fmt.Printf("%s\n%d\n", vkey, ln.Addr().(*net.TCPAddr).Port)
	fail(http.Serve(ln, srv))
}
