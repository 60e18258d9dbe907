package ui

import (
	"errors"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// saveFile offers text to the user as a file download. Nothing leaves the
// device: the file is made in the browser from a blob.
func saveFile(name, mediaType, text string) {
	win := app.Window()
	blob := win.Get("Blob").New([]any{text}, map[string]any{"type": mediaType})
	url := win.Get("URL").Call("createObjectURL", blob)
	a := win.Get("document").Call("createElement", "a")
	a.Set("href", url)
	a.Set("download", name)
	a.Call("click")
	var revoke app.Func
	revoke = app.FuncOf(func(this app.Value, args []app.Value) any {
		win.Get("URL").Call("revokeObjectURL", url)
		revoke.Release()
		return nil
	})
	win.Call("setTimeout", revoke, 60000)
}

// readFileText reads a File chosen by the user and calls done with its text.
func readFileText(file app.Value, done func(string, error)) {
	var onText, onErr app.Func
	release := func() {
		onText.Release()
		onErr.Release()
	}
	onText = app.FuncOf(func(this app.Value, args []app.Value) any {
		release()
		done(args[0].String(), nil)
		return nil
	})
	onErr = app.FuncOf(func(this app.Value, args []app.Value) any {
		release()
		done("", errors.New("read file: "+args[0].Call("toString").String()))
		return nil
	})
	file.Call("text").Call("then", onText, onErr)
}
