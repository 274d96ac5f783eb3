package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/calmclaim/calmclaim/assistant"
)

// setup returns a folder laid out like assistant/ with its data files,
// rules.json changed by edit.
func setup(t *testing.T, edit func(string) string) string {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "data"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"rules.json", "checklist.json"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "data", name))
		if err != nil {
			t.Fatal(err)
		}
		if name == "rules.json" {
			data = []byte(edit(string(data)))
		}
		if err := os.WriteFile(filepath.Join(dir, "data", name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestGenerateWritesTheCommittedFiles(t *testing.T) {
	dir := setup(t, func(s string) string { return s })
	if err := generate(dir); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"rules_gen.go", "checklist_gen.go"} {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join("..", "..", name))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Errorf("assistant/%s is stale: run go generate ./assistant/...", name)
		}
	}
}

func TestGenerateRefusesAnInvalidPack(t *testing.T) {
	dir := setup(t, func(s string) string {
		return strings.Replace(s, `"abuse.chargeback"`, `"abuse.chargebacks"`, 1)
	})
	err := generate(dir)
	var pe *assistant.PackError
	if !errors.As(err, &pe) || pe.ID != "abuse.chargebacks" || pe.Field != "id" {
		t.Fatalf("got %v, want the loader's error naming the unknown id", err)
	}
	for _, name := range []string{"rules_gen.go", "checklist_gen.go"} {
		if _, err := os.Stat(filepath.Join(dir, name)); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s was written for an invalid pack", name)
		}
	}
}
