package htmlfilter

import "strings"

// action says what the filter does with a tag of a given name.
type action uint8

const (
	// literal prints the tag as text: the default for names outside the allow-list.
	literal action = iota
	// allow emits the element with its allowed attributes.
	allow
	// dropTag removes the tag but keeps what it encloses.
	dropTag
	// dropAll removes the element together with everything it encloses.
	dropAll
)

// element describes one tag name the filter knows.
type element struct {
	action action
	void   bool            // has no end tag (<br>, <img>)
	block  bool            // block-level: closes a <p> the filter opened
	attrs  map[string]bool // element-specific attributes, beyond the global ones
}

func set(names string) map[string]bool {
	if names == "" {
		return nil
	}
	m := map[string]bool{}
	for n := range strings.SplitSeq(names, ",") {
		m[n] = true
	}
	return m
}

// policy is the allow-list. It is built once by newPolicy and only read after.
type policy struct {
	elements map[string]element
	global   map[string]bool
	known    map[string]bool
}

// newPolicy builds the allow-list: the HTML GitBook writes into pages, plus a
// few harmless table and text-level elements. Elements that run code, load
// other documents or take input are dropped; every other name prints as text.
func newPolicy() *policy {
	p := &policy{
		elements: map[string]element{},
		// Global attributes; aria-* and data-* are allowed by prefix.
		global: set("id,class,title,lang,dir,align,role,hidden,translate"),
		known:  set(knownAttributes),
	}
	add := func(names string, e element) {
		for n := range strings.SplitSeq(names, ",") {
			p.elements[n] = e
		}
	}
	text := element{action: allow}
	add("span,strong,em,b,i,u,s,mark,code,kbd,sup,sub,small,abbr,cite,q,var,samp,dfn,bdi,bdo,ruby,rt,rp,summary,figcaption,caption,thead,tbody,tfoot,tr,dt,dd,picture", text)
	blocks := element{action: allow, block: true}
	add("p,div,blockquote,pre,h1,h2,h3,h4,h5,h6,figure,dl", blocks)
	add("del,ins", element{action: allow, attrs: set("datetime")})
	add("a", element{action: allow, attrs: set("href,name")})
	add("img", element{action: allow, void: true, attrs: set("src,srcset,alt,width,height,sizes,loading,decoding")})
	add("source", element{action: allow, void: true, attrs: set("src,srcset,media,type,sizes,width,height")})
	add("track", element{action: allow, void: true, attrs: set("src,kind,srclang,label,default")})
	add("br,wbr", element{action: allow, void: true})
	add("hr", element{action: allow, void: true, block: true})
	add("col", element{action: allow, void: true, attrs: set("span,width")})
	add("colgroup", element{action: allow, attrs: set("span,width")})
	add("table", element{action: allow, block: true, attrs: set("width")})
	add("td,th", element{action: allow, attrs: set("colspan,rowspan,width,valign,headers,scope")})
	add("ol", element{action: allow, block: true, attrs: set("start,type,reversed")})
	add("ul", element{action: allow, block: true, attrs: set("type")})
	add("li", element{action: allow, attrs: set("value")})
	add("details", element{action: allow, block: true, attrs: set("open")})
	// Media without autoplay: the attribute is known, so it is dropped.
	add("video", element{action: allow, block: true, attrs: set("src,poster,controls,width,height,loop,muted,playsinline,preload")})
	add("audio", element{action: allow, attrs: set("src,controls,loop,muted,preload")})

	// Never emitted. Script-like and embedding elements lose their content
	// too; form controls and document structure lose only the tag.
	add("script,style,iframe,frame,frameset,object,embed,applet,noscript,noembed,noframes,template,svg,math,textarea,select,title,xmp,plaintext,head,canvas,portal", element{action: dropAll})
	add("meta,link,base,input,param,keygen,area", element{action: dropTag, void: true})
	// GitBook's search button; see state.gitbook for the other buttons.
	add("button", element{action: allow, attrs: set("type")})
	add("form,fieldset,legend,label,option,optgroup,datalist,output,html,body,dialog", element{action: dropTag})
	return p
}

// attr reports whether name may stay on element e, and whether it is a
// known HTML attribute at all (a tag with an unknown one prints as text).
func (p *policy) attr(e element, name string) (allowed, known bool) {
	switch {
	case p.global[name], e.attrs[name]:
		return true, true
	case strings.HasPrefix(name, "data-"), strings.HasPrefix(name, "aria-"):
		return true, true
	case strings.HasPrefix(name, "on"):
		return false, true // event handlers, known or not
	}
	return false, p.known[name]
}

// knownAttributes lists HTML attribute names that are real but not allowed
// (they are dropped silently), so that a tag carrying them is still HTML.
const knownAttributes = "abbr,accept,accept-charset,accesskey,action,allow,allowfullscreen,allowtransparency,alt,as,async,autocapitalize," +
	"autocomplete,autofocus,autoplay,axis,background,bgcolor,border,cellpadding,cellspacing,char,charoff,charset,checked,cite,clear," +
	"color,cols,colspan,compact,content,contenteditable,controls,controlslist,coords,crossorigin,data,datetime,decoding,default,defer," +
	"dirname,disabled,download,draggable,enctype,enterkeyhint,face,fetchpriority,for,form,formaction,formenctype,formmethod," +
	"formnovalidate,formtarget,frame,frameborder,headers,height,high,href,hreflang,hspace,http-equiv,icon,importance,inert,inputmode," +
	"integrity,is,ismap,itemid,itemprop,itemref,itemscope,itemtype,kind,label,language,list,loading,longdesc,loop,low,manifest," +
	"marginheight,marginwidth,max,maxlength,media,method,min,minlength,multiple,muted,name,nohref,nomodule,nonce,noshade,novalidate," +
	"nowrap,open,optimum,pattern,ping,placeholder,playsinline,popover,popovertarget,poster,preload,readonly,referrerpolicy,rel,required," +
	"rev,reversed,rows,rowspan,rules,sandbox,scope,scrolling,selected,shape,size,sizes,slot,span,spellcheck,src,srcdoc,srclang,srcset," +
	"start,step,style,summary,tabindex,target,text,type,usemap,valign,value,version,vspace,width,wrap,xmlns"
